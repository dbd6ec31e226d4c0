from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bac_kan_emulation.errors import DomainError
from units.permissions import staff_required

from . import services
from .forms import CampaignCopyForm, CampaignForm, MovementForm, TierRuleForm
from .models import Campaign, Movement, TierRule
from .selectors import campaign_list as select_campaigns
from .selectors import campaign_tiers


@staff_required
def campaign_list(request):
    return render(request, "congresses/campaign_list.html", {"campaigns": select_campaigns()})


@staff_required
def campaign_detail(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    return render(
        request,
        "congresses/campaign_detail.html",
        {
            "campaign": campaign,
            "tiers": campaign_tiers(campaign=campaign),
            "movements": campaign.movements.all(),
            "can_edit": request.user.role == "staff",
        },
    )


@staff_required
def campaign_edit(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        services.campaign_update(campaign=campaign, data={f: form.cleaned_data[f] for f in form.Meta.fields})
        messages.success(request, "Đã lưu chiến dịch.")
        return redirect("congresses:campaign_detail", pk=campaign.pk)
    return render(request, "congresses/campaign_form.html", {"campaign": campaign, "form": form})


@staff_required
def tier_edit(request, pk: int, tier_pk: int):
    tier = get_object_or_404(TierRule, pk=tier_pk, campaign_id=pk)
    form = TierRuleForm(request.POST or None, instance=tier)
    if request.method == "POST" and form.is_valid():
        services.tier_update(tier=tier, data={f: form.cleaned_data[f] for f in form.Meta.fields})
        messages.success(request, f"Đã lưu quy định {tier.label}.")
        return redirect("congresses:campaign_detail", pk=pk)
    return render(request, "congresses/tier_form.html", {"tier": tier, "form": form})


@staff_required
def campaign_copy(request, pk: int):
    source = get_object_or_404(Campaign, pk=pk)
    form = CampaignCopyForm(request.POST or None, initial={"ordinal": "", "name": source.name})
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.campaign_copy(source=source, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã tạo chiến dịch “{copy}” từ chiến dịch cũ. Hãy rà soát quy định.")
            return redirect("congresses:campaign_detail", pk=copy.pk)
    return render(request, "congresses/campaign_copy.html", {"source": source, "form": form})


@require_POST
@staff_required
def campaign_activate(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    services.campaign_activate(campaign=campaign)
    messages.success(request, f"Chiến dịch “{campaign}” đang được triển khai.")
    return redirect("congresses:campaign_detail", pk=campaign.pk)


@staff_required
def movement_add(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    return _movement_form(request, Movement(campaign=campaign))


@staff_required
def movement_edit(request, pk: int, movement_pk: int):
    return _movement_form(request, get_object_or_404(Movement, pk=movement_pk, campaign_id=pk))


def _movement_form(request, movement: Movement):
    form = MovementForm(request.POST or None, instance=movement)
    if request.method == "POST" and form.is_valid():
        services.movement_save(movement=form.instance)
        messages.success(request, "Đã lưu phong trào thi đua.")
        return redirect("congresses:campaign_detail", pk=movement.campaign_id)
    return render(request, "congresses/movement_form.html", {"movement": movement, "form": form})

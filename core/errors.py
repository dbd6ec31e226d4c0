class DomainError(Exception):
    """A business rule said no. The message is safe to show to users (in Vietnamese)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

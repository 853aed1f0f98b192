"""The one exception the core raises for anything a person can fix."""


class BioError(Exception):
    """A refusal or failure with a message, already in the user's language, naming cause and fix."""


class Invalid(BioError):
    """A refused save, naming the field at fault (forms put the cursor there)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field

"""The one exception the core raises for anything a person can fix."""


class BioError(Exception):
    """A refusal or failure with a message, already in the user's language, naming cause and fix."""

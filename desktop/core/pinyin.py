"""Pinyin of Chinese names for search-as-you-type: "kz" and "kouzhao" find 口罩.

pypinyin (its phrase dictionary reads 重庆 as chong qing, not zhong qing) is
imported on first use: it takes ~0.15 s, which start-up must not pay.
"""

from functools import cache


@cache
def _pypinyin():
    import pypinyin

    return pypinyin


def syllables(text: str) -> list[str]:
    """Pinyin syllables of Chinese characters; any other character stands alone, lower case."""
    parts = _pypinyin().lazy_pinyin(text, errors=lambda chars: list(chars))
    return [p.lower() for p in parts if p.strip()]


def initials(text: str) -> str:
    """First letter of each syllable, other characters kept: 'N95口罩' → 'n95kz'."""
    return "".join(p[0] for p in syllables(text))


def full(text: str) -> str:
    return "".join(syllables(text))

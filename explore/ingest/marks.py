"""The private characters the repair steps use to mark text for each other (pure constants), and where the analysis text holds a guess.

Only ``LOST`` survives into the tables: it stands for a character that could not be recovered.
The others live between ``repair`` and ``clean``/``document`` and are removed before anyone
reads the text (``GUESS``: the guessed character is kept in the analysis text and shown as
``LOST`` in the text as written).
"""

LOST = "\ufffd"  # a character that is gone
DAMAGE_OPEN = "\ue000"  # around a run that could not be repaired, kept as written
DAMAGE_CLOSE = "\ue001"
RUN_OPEN = "\ue002"  # around a run that was read again one byte later (repair -> infill)
RUN_CLOSE = "\ue003"
HINT_OPEN = "\ue004"  # around a pinyin annotation kept for the character before it
HINT_CLOSE = "\ue005"
LEAD_MARK = "\ue006"  # after a LOST whose first byte survived; the next character holds it
BYTE_BASE = 0xE100  # ... as chr(BYTE_BASE + byte)
GUESS = "\ue007"  # after a character that ``infill`` guessed (the bytes did not decide it)


def guessed_positions(text: str, original: str, lost: str = LOST) -> list[int]:
    """Positions in the analysis ``text`` of characters the repair guessed: shown as ``lost`` in
    the text as written, present in the analysis text (same length; otherwise none can be told)."""
    if len(text) != len(original):
        return []
    return [i for i, (a, b) in enumerate(zip(text, original, strict=True)) if b == lost and a != lost]

"""English words search never corrects into another word: each is one slip from a word of the
bundled knowledge file or its people's words, but a word of its own ("canker" is not "cancer").

Generated from Debian's English word lists (wamerican, wbritish) by ``python -m tests.real_words
--update``; tests/test_search_engine.py checks it is what that finds for the bundled file.
"""

NEVER_CORRECTED = frozenset(
    """
    apples ashing batter bettor biased bitter butter canker career careers ceases conform
    conformed culled curies curtain decoded exorcise exorcises exorcising facets falcon
    fallowing farmed farming firmed firming focussed forums gander knacks lacked latter libels
    licked loving lucked lusting manege manged menage movies mullion notional paints palace
    palaces palates parson patents pearson pilates plaice plying proscribing proscription
    protean shoots shouts spurts stuart summery timour toking trails trapped trapping wrests
    wriest
    """.split()
)

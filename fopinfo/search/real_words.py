"""English words search never corrects into another word: each is one slip from a word of the
bundled knowledge file or its people's words, but a word of its own ("canker" is not "cancer").

Generated from Debian's English word lists (wamerican, wbritish) by ``python -m tests.real_words
--update``; tests/test_search_engine.py checks it is what that finds for the bundled file.
"""

NEVER_CORRECTED = frozenset(
    """
    apples batter bettor biased bitter butter canker ceases conform conformed culled curtain
    decoded facets falcon fallowing farmed farming firmed firming focussed forums gentile knacks
    lacked lacking latter libels licked licking loving lucked lucking lusting manege manged
    menage mullion notional paints palace palaces palates parson patent patents pearson pilates
    plaice proscribing proscription protean sating spacial stuart summery toking
    """.split()
)

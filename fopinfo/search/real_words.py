"""English words search never corrects into another word: each is one slip from a word of the
bundled knowledge file or its people's words, but a word of its own ("canker" is not "cancer");
and English words one slip from a command that are not a form of it ("cheek" is not check).

Generated from Debian's English word lists (wamerican, wbritish) by ``python -m tests.real_words
--update``; tests/test_search_engine.py checks it is what that finds for the bundled file.
"""

NEVER_CORRECTED = frozenset(
    """
    apples batter bettor biased bitter butter canker ceases conform conformed culled curtain
    decoded exorcises exorcising facets falcon fallowing farmed farming firmed firming focussed
    forums gentile knacks lacked lacking latter libels licked licking loving lucked lucking
    lusting manege manged menage mullion notional paints palace palaces palates parson patent
    patents pearson pilates plaice proscribing proscription protean sating spacial stuart
    summery toking
    """.split()
)


# Real words as close to one command as a slip ("cheek" to check, "city" to cite), and not a form
# of it ("fact" is facts): typed first on a line, they are offered to search before the command.
COMMAND_LOOKALIKES = frozenset(
    """
    cad cara care cared carl carp carr cars cart cary cheek chick chock chuck city collection
    compaction competing competition competitor compilation completing complexion complexions
    compulsion copulation cord cote curd cute defied defies defile faces facet facets farts
    fasts fates fats feats fiats flats frats hangout hangouts revile revise revive scorches
    scourges slouches sourest sourness starch surcease surfaces tonic tonics toxic tropics
    updater updrafts
    """.split()
)

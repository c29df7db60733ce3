"""The map of the editorial "Kim in Russia": why Moon's North Korea policy may not work."""

from __future__ import annotations

from pathlib import Path

import argmap

__all__ = ["TEXT_PATH", "build"]

#: The editorial, byte for byte as published (page chrome included); every quote in the map is an excerpt of it.
TEXT_PATH = Path(__file__).with_name("kim-in-russia.txt")

_EDITORIAL = "editorial"
# The sentences that give no reason, concession, objection or conclusion, each with why it is left out, so that
# the map's coverage of the editorial is complete and explicit (``argmap coverage``).
_BACKGROUND = [
    {"source": _EDITORIAL, "text": text, "reason": reason}
    for text, reason in (
        ("Back To Top", "chrome"),
        ("[Editorial] Kim in Russia", "heading"),
        ("North Korean leader courts Putin’s support", "headline"),
        ("It is the first visit to Russia by a North Korean leader since the late Kim Jong-il", "history"),
        ("All these cross-border economic exchanges are constrained", "context"),
    )
]


def build() -> argmap.ArgumentMap:
    """The editorial's reasoning: eight reasons, chained through intermediate conclusions, and one concession."""
    # Decoded from bytes rather than read as text, so that no newline translation can change what is quoted.
    text = TEXT_PATH.read_bytes().decode("utf-8")
    b = argmap.MapBuilder(title="Kim in Russia", metadata={"background": _BACKGROUND})
    b.source(_EDITORIAL, text=text, title="Kim in Russia")

    def claim(id: str, text: str, *quotes: str) -> str:
        return b.statement(text, id=id, quotes=[(_EDITORIAL, quote) for quote in quotes])

    # One statement, not a chain of two: the closing paragraph draws the failure and the remedy from the same
    # developments, and no reason bears on one half only.
    main = claim(
        "moon-policy-may-not-work",
        "Moon’s current North Korea policy may not work, and a better, more effective approach is urgently needed.",
        "All these developments indicate that Moon’s current policy may not work",
        "the urgent need to explore a better, more effective approach",
    )

    # The shift in regional geopolitics that Kim's trip reflects.
    geopolitics = claim(
        "geopolitics-against-seoul",
        "Kim’s visit to Russia reflects fast-changing geopolitics in the region that are a cause for concern for "
        "South Korea.",
        "Kim Jong-un’s impending visit to Russia reflects the fast-changing dynamics of geopolitics in the region",
    )
    sidelined = claim(
        "south-korea-sidelined",
        "South Korea seems to have been sidelined in the brisk diplomacy over North Korea’s denuclearization.",
        "South Korea seems to have been sidelined in the brisk diplomatic maneuvers, related in part to the goal of "
        "denuclearizing North Korea",
    )
    leverage = claim(
        "kim-leverage-against-us",
        "Kim seeks closer relations with Russia as leverage in the denuclearization tug-of-war with the US.",
        "he seeks closer relations with Russia as leverage in the North’s denuclearization tug-of-war with the US",
    )
    unsc = claim(
        "russia-unsc-member",
        "Like China, Russia is a permanent member of the UN Security Council.",
        "Like China, Russia is a permanent member of the United Nations Security Council",
    )
    sanctions = claim(
        "russia-backs-north-on-sanctions",
        "Russia already sides with North Korea on the lifting of sanctions.",
        "already sides with the North on the lifting of sanctions",
    )
    ally = claim(
        "russia-key-ally",
        "Russia is the North’s second-most-important ally and a key source of its energy, food and foreign currency.",
        "For now, Russia is the North’s second-most-important ally",
        "Russia has been a key source of energy and food for the North",
        "Russia also provides foreign currency to the North by hiring North Korean workers",
    )
    reinforced = claim(
        "summit-reinforces-north",
        "Kim’s meeting with Putin will reinforce the North’s position.",
        "Kim’s meeting with Putin will certainly reinforce the North’s position",
    )
    summit = claim(
        "kim-putin-summit",
        "Kim will hold his first summit with Putin, in Vladivostok.",
        "Kim will visit the Russian Far Eastern city of Vladivostok soon for his first summit with Russian President "
        "Vladimir Putin",
    )
    xi = claim(
        "putin-meets-xi",
        "Putin meets Xi Jinping shortly after the summit with Kim, another sign of a change in geopolitics.",
        "The North Korea-Russia summit comes shortly before Putin meets Chinese President Xi Jinping, another sign of "
        "a change in geopolitics",
    )
    belt_and_road = claim(
        "putin-embraces-belt-and-road",
        "Putin’s embrace of Xi’s “One Belt, One Road” speaks volumes about the future direction of Russia-China "
        "relations.",
        "Putin is traveling to Vladivostok on his way to China for a conference on Xi’s pet project, “One Belt, One "
        "Road.”",
        "Putin’s embrace of a project that some countries suspect is the brainchild of Xi’s imperialistic "
        "expansionism speaks volumes about the future direction of Russia-China relations",
    )
    axis = claim(
        "three-way-alignment",
        "A new three-way alliance of North Korea, Russia and China may be forming against the US and its alliance "
        "with South Korea and Japan.",
        "suggests the possibility of a new three-way alliance being formed against the US, and more broadly against "
        "the alliance of the US, South Korea and Japan",
    )
    wary = claim(
        "china-wary",
        "China, North Korea’s top patron, may be wary of closer ties between Pyongyang and Moscow.",
        "China, North Korea’s top patron, may also be wary of closer ties between Pyongyang and Moscow",
    )
    card = claim(
        "russia-plays-north-card",
        "Russia seeks closer ties with North Korea to increase its influence on it and to play it as a card against "
        "the US, and China as well.",
        "Russia seeks closer ties with North Korea in order to increase its influence on North Korea and play it as a "
        "card vis-a-vis the US, and China as well",
    )
    gain = claim(
        "both-gain",
        "Both Kim and Putin are set to gain a lot from their meeting in Vladivostok.",
        "both Kim and Putin are set to gain a lot from their meeting in Vladivostok",
    )

    # South Korea's alliances: Japan gets on with Washington and Beijing, Seoul quarrels with Tokyo.
    us_japan = claim(
        "us-japan-best-terms",
        "There is no problem between the US and Japan, whose leaders are on better terms than ever.",
        "there is no problem between the US and Japan",
        "the two countries and their leaders are on much better terms than at any time in the past",
    )
    japan_china = claim(
        "japan-courts-china",
        "Japan is keen on improving ties with China, which welcomed a Japanese military ship flying Japan’s wartime "
        "flag.",
        "Japan is also keen on improving ties with China",
        "China’s decision to welcome a Japanese military ship to a ceremony marking the 70th anniversary of the "
        "Chinese navy Tuesday, even though the ship was flying Japan’s wartime flag",
    )
    flag_row = claim(
        "japan-korea-flag-row",
        "A row over the “Rising Sun” flag aborted Japan’s participation in a naval review in South Korea.",
        "This stands in contrast with the recent row between Japan and South Korea, which aborted Japan’s "
        "participation in a naval review ceremony here due to a dispute over the “Rising Sun” flag",
    )
    tokyo = claim(
        "seoul-tokyo-rock-bottom",
        "Ties between South Korea and Japan are at rock bottom, mostly due to historical issues.",
        "South Korea-Japan ties are at rock bottom, mostly due to historical issues",
    )
    big_deal = claim(
        "big-deal-vs-phased",
        "Trump wants a “big deal” (all weapons of mass destruction given up for the lifting of sanctions), "
        "while Moon tends to support Kim’s “phased” denuclearization.",
        "Trump wants a “big deal” in which the North gives up all weapons of mass destruction in return for the "
        "lifting of sanctions, while Moon tends to support Kim’s vision of “phased” denuclearization",
    )
    us_concern = claim(
        "us-concern-growing",
        "Concern about the differences between Trump and Moon is growing within the US administration, Congress "
        "and expert groups.",
        "concerns about their differences are growing within the US administration, Congress and expert groups",
    )
    washington = claim(
        "seoul-washington-rift",
        "South Korea and the US have worrisome problems over how to break the denuclearization deadlock.",
        "there are more worrisome problems between South Korea and the US regarding how to find a breakthrough in the "
        "deadlocked denuclearization process",
    )
    alliances = claim(
        "alliances-troubled",
        "South Korea’s ties with both of its allies are troubled: with Japan, and more worryingly with the US.",
        "While South Korea-Japan ties are at rock bottom, mostly due to historical issues, there are more worrisome "
        "problems between South Korea and the US",
    )

    # Moon's standing with Pyongyang and at home.
    hostile = claim(
        "north-hostile-to-moon",
        "Since the Hanoi summit fell through, the North has toughened its antagonistic rhetoric even against the "
        "Moon government.",
        "since the second summit between Trump and Kim fell through in Hanoi, the North has toughened its "
        "antagonistic rhetoric even against the Moon government",
    )
    criticised = claim(
        "moon-criticised-at-home", "Moon faces criticism at home.", "Moon is also facing criticism at home"
    )

    # The concession, its bearing on the worry, and the rebuttal of that bearing.
    isolation = claim(
        "trip-eases-isolation",
        "Kim’s trip could help bring the North further out of international isolation.",
        "Kim said his country would diversify its top-level diplomacy efforts in order to strengthen friendships and "
        "cooperation with countries that respect its sovereignty",
        "It is good for Kim, who hitherto has met only the leaders of South Korea, the US and China, to engage more "
        "foreign leaders, as this could help bring the North Korean leader further out of international isolation",
    )
    benign = claim(
        "trip-has-positive-side",
        "Kim’s Russian trip may have some positive aspects.",
        "There may be some positive aspects of Kim’s Russian trip",
    )
    image = claim(
        "not-merely-image",
        "Kim is not merely seeking to improve his image.",
        "But Kim is not merely seeking to improve his image",
    )

    b.argument(
        [leverage, unsc, sanctions, ally],
        reinforced,
        id="russia-strengthens-north",
        text="Kim wants leverage against the US, and Russia, a permanent Security Council member already on the "
        "North’s side over sanctions, can give it.",
    )
    b.argument(
        [summit, xi, belt_and_road],
        axis,
        id="kim-putin-xi-engagements",
        text="The series of engagements among Kim, Putin and Xi points to a new alignment.",
    )
    b.argument(
        [leverage, card],
        gain,
        id="mutual-gain",
        text="Each side uses the other: Kim for leverage against the US, Putin for influence.",
    )
    b.argument([sidelined], geopolitics, id="seoul-left-out", text="South Korea is left out of the diplomacy.")
    b.argument([reinforced], geopolitics, id="north-emboldened", text="The North’s hand is strengthened.")
    b.argument([axis], geopolitics, id="bloc-against-alliance", text="A bloc forms against Seoul’s alliance.")
    b.argument([gain], geopolitics, id="summit-serves-both", text="The summit serves Kim and Putin, not Seoul.")
    b.argument([flag_row], tokyo, id="flag-row", text="Even a flag derails Seoul’s ties with Tokyo.")
    b.argument(
        [us_japan, japan_china, tokyo],
        sidelined,
        id="seoul-the-outlier",
        text="Japan gets on with Washington and Beijing while Seoul quarrels with Tokyo.",
    )
    b.argument(
        [big_deal, us_concern],
        washington,
        id="diverging-denuclearization-plans",
        text="Trump and Moon want different deals, and Washington is growing concerned about it.",
    )
    b.argument(
        [tokyo, washington],
        alliances,
        id="both-allies-at-odds",
        text="South Korea is at odds with Japan and with the US alike.",
    )
    b.argument([geopolitics], main, id="changing-geopolitics", text="Geopolitics turn against Seoul.")
    b.argument([alliances], main, id="strained-alliances", text="South Korea’s alliances are under strain.")
    b.argument([hostile], main, id="pyongyang-turns-on-moon", text="Pyongyang has turned against Moon.")
    b.argument([criticised], main, id="doubts-at-home", text="Moon’s policy is contested at home.")

    # China's wariness of closer Pyongyang-Moscow ties questions whether the engagements add up to a three-way
    # alliance; the editorial mentions it and leaves it unanswered.
    b.undercut(wary, "kim-putin-xi-engagements")
    # The editorial grants the concession ("It is good for Kim ... as this could help bring the North Korean leader
    # further out of international isolation") and denies only that it makes the trip benign: the rebuttal
    # undercuts the argument from the concession, whose attack on the worry that the trip reflects geopolitics
    # turning against Seoul then fails, and the concession stands. The argument is sketched, not reconstructed, so
    # that the attack is the argument's own.
    b.argument(id="benign-reading", text="The trip has positive aspects, so it is no cause for concern.")
    b.support(benign, "benign-reading", target_type="argument")
    b.attack("benign-reading", geopolitics, source_type="argument")
    b.undercut(image, "benign-reading")
    b.support(isolation, benign)
    return b.build()

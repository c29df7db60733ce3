"""The map of the editorial "Kim in Russia": why Moon's North Korea policy may not work."""

from __future__ import annotations

from pathlib import Path

import argmap

__all__ = ["TEXT_PATH", "build"]

#: The editorial, byte for byte as published (page chrome included); every quote in the map is an excerpt of it.
TEXT_PATH = Path(__file__).with_name("kim-in-russia.txt")

_EDITORIAL = "editorial"


def build() -> argmap.ArgumentMap:
    """The editorial's reasoning: eight reasons, chained through intermediate conclusions, and one concession."""
    # Decoded from bytes rather than read as text, so that no newline translation can change what is quoted.
    text = TEXT_PATH.read_bytes().decode("utf-8")
    b = argmap.MapBuilder(title="Kim in Russia")
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

    # South Korea's alliances.
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

    # The concession and its rebuttal.
    isolation = claim(
        "trip-eases-isolation",
        "Kim’s trip could help bring the North further out of international isolation.",
        "There may be some positive aspects of Kim’s Russian trip",
        "to engage more foreign leaders, as this could help bring the North Korean leader further out of "
        "international isolation",
    )
    image = claim(
        "not-merely-image",
        "Kim is not merely seeking to improve his image.",
        "But Kim is not merely seeking to improve his image",
    )

    b.argument(
        [leverage, unsc, sanctions],
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
    b.argument([sidelined], geopolitics, id="seoul-left-out", text="South Korea is left out of the diplomacy.")
    b.argument([reinforced], geopolitics, id="north-emboldened", text="The North’s hand is strengthened.")
    b.argument([axis], geopolitics, id="bloc-against-alliance", text="A bloc forms against Seoul’s alliance.")
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

    # The concession speaks of the trip itself ("positive aspects of Kim's Russian trip"), so it answers the worry
    # that the trip reflects geopolitics turning against Seoul, not Moon's policy directly.
    b.attack(isolation, geopolitics)
    b.attack(image, isolation)
    return b.build()

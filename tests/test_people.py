"""People, their roles, and who said what: on small made-up paragraphs and on the seed articles."""

import pytest

from generator import people
from generator.model import Person, Quote
from generator.people import find_cast


def quotes(paragraphs: list[str], editorial) -> list[tuple[str, str]]:
    return [(q.speaker, q.text) for q in find_cast(paragraphs, editorial).quotes]


@pytest.mark.parametrize("paragraph, expected", [
    ("“We will sign,” Noem said.", [("Kristi Noem", "We will sign")]),
    ("“It is a big deal,” said Kevin Appleby, a veteran.", [("Kevin Appleby", "It is a big deal")]),
    ("“Every week it’s closer,” said an administration official.",
     [("an administration official", "Every week it’s closer")]),
    ("“We are close to a deal,” Ebrard told reporters on Monday.", [("Marcelo Ebrard", "We are close to a deal")]),
    ("In June, Trump tweeted that “Guatemala is getting ready to sign.”",
     [("Donald Trump", "Guatemala is getting ready to sign.")]),
    ("Marcelo Ebrard, the Mexican foreign minister, said “there is no secret deal at all.”",
     [("Marcelo Ebrard", "there is no secret deal at all.")]),
    ("“ASAP,” said a DHS official about the agreement on Thursday.", [("a DHS official", "ASAP")]),
    ("Greens senator David Shoebridge called the deal “a cash-for-people deal”, and said little was known.",
     [("David Shoebridge", "a cash-for-people deal")]),
    ("New interior minister James Cleverly, appointed after Sunak sacked Suella Braverman, said the government "
     "remained “completely committed” to the partnership.", [("James Cleverly", "completely committed")]),
    ("In a statement, Rubio said it would help “end the abuse of our asylum system.”",
     [("Marco Rubio", "end the abuse of our asylum system.")]),
    ("Roberto Salinas Treviño, a spokesman for U.S. Customs and Border Protection in Laredo, said in a statement "
     "that the agency “is working closely with Mexican authorities.”",
     [("Roberto Salinas Treviño", "is working closely with Mexican authorities.")]),
    ("A Guatemalan migration official, who was not authorized to speak, said the government expected “a small "
     "number” of transfers.", [("a Guatemalan migration official", "a small number")]),
    ("Sunak, who made “stopping the boats” a pledge, told parliament he would finalise a treaty.", []),
    ("Cuellar, whose district runs to Laredo, spoke to reporters. “You can't run this program from one side.”",
     [("Cuellar", "You can't run this program from one side.")]),
    ("“It worked the first time and will work again,” said Rep. Monica De La Cruz, R-Texas, on Friday.",
     [("Monica De La Cruz", "It worked the first time and will work again")]),
    ("“We have the staff to respond,” Sgt. Marie-Ève Lapointe, an RCMP spokesperson, told CBC News.",
     [("Marie-Ève Lapointe", "We have the staff to respond")]),
    ("Marape told parliament his government had “never agreed to hold the problem”, but he has not said more.",
     [("Marape", "never agreed to hold the problem")]),
], ids=["alias-then-said", "said-then-name", "anonymous", "told", "scene-setting", "appositive", "one-word-direct",
        "called-it-then-and-said", "subject-before-appositive", "surname-after-scene-setting",
        "appositive-with-and", "anonymous-with-relative-clause", "told-is-not-a-speaker",
        "speaker-in-sentence-before", "honorific-in-attribution", "sgt-does-not-end-the-sentence",
        "clause-after-quote-is-not-a-speaker"])
def test_quote_attribution(editorial, paragraph, expected):
    assert quotes([paragraph], editorial) == expected


def test_partial_quote_is_attributed_by_its_sentence(editorial):
    paragraph = "The official called it “a big deal” in a statement."
    assert quotes([paragraph], editorial) == [("the official", "a big deal")]


@pytest.mark.parametrize("paragraph", [
    "Mexico's top diplomat said his country had refused to become a “safe third country.”",
    "Trump said he would expand the “Remain in Mexico” programme.",
])
def test_a_quoted_term_is_not_a_quote(editorial, paragraph):
    assert quotes([paragraph], editorial) == []


def test_continuation_quote_keeps_the_speaker(editorial):
    paragraph = "“We will sign,” Noem said. “It will happen next week and it will be good.”"
    assert quotes([paragraph], editorial) == [
        ("Kristi Noem", "We will sign"), ("Kristi Noem", "It will happen next week and it will be good.")]


def test_pronoun_speaker_is_the_last_person_named(editorial):
    paragraphs = ["Marcelo Ebrard, the Mexican foreign minister, arrived on Monday.",
                  "“We have no deal with anyone at all,” he said."]
    assert quotes(paragraphs, editorial) == [("Marcelo Ebrard", "We have no deal with anyone at all")]


@pytest.mark.parametrize("paragraph", ["“A deal is near,” said Mr. Pence.", "“A deal is near,” Mr. Pence said."])
def test_speaker_with_honorific(editorial, paragraph):
    assert quotes([paragraph], editorial) == [("Mike Pence", "A deal is near")]


@pytest.mark.parametrize("paragraph, person", [
    ("Marcelo Ebrard, the Mexican foreign minister, said there was no secret deal.",
     Person("Marcelo Ebrard", "Mexican foreign minister")),
    ("“It is a big deal,” said Kevin Appleby, a veteran of the refugee agency.",
     Person("Kevin Appleby", "veteran of the refugee agency")),
    ("Honduras’s immigration director, Wilson Paz, denied that an agreement was signed.",
     Person("Wilson Paz", "Honduras’s immigration director")),
    ("Acting Homeland Security Secretary Kevin McAleenan has advocated this type of agreement.",
     Person("Kevin McAleenan", "Acting U.S. Secretary of Homeland Security")),
    ("“This is bad for everyone involved,” said Jane Doe, who runs a shelter.", Person("Jane Doe")),
], ids=["appositive", "appositive-after-said", "role-first", "titled-name-known-role", "no-role"])
def test_people_and_roles(editorial, paragraph, person):
    assert find_cast([paragraph], editorial).people == [person]


# Seed 000 lost its capitals and punctuation: attributions are found by their shape.
LOWER = ("asylum seekers would have to wait longer for a hearing than they do right now says sarah pierce a policy "
         "analyst at the migration policy institute and the minister said on monday that there is no secret deal")


def test_lowercase_attribution_gives_person_role_and_quote(editorial):
    cast = find_cast([LOWER], editorial)
    assert cast.people == [Person("Sarah Pierce", "Policy Analyst at the Migration Policy Institute")]
    assert cast.quotes == [
        Quote("asylum seekers would have to wait longer for a hearing than they do right now", "Sarah Pierce",
              role="Policy Analyst at the Migration Policy Institute")]
    assert cast.organizations == ["Migration Policy Institute"]


def test_said_on_monday_is_not_a_person(editorial):
    cast = find_cast(["the minister said on monday that there is no secret deal with the united states"], editorial)
    assert (cast.people, cast.quotes) == ([], [])


def test_short_name_joins_the_full_one(editorial):
    cast = find_cast(["President Donald Trump spoke. Later Mr. Trump and Trump’s aides left."], editorial)
    assert [p.name for p in cast.people] == ["Donald Trump"]


def test_organisations_by_alias_and_by_shape(editorial):
    cast = find_cast(["Officials at the Federal Emergency Management Agency, DHS and the UN met."], editorial)
    assert cast.organizations == ["Department of Homeland Security", "Federal Emergency Management Agency",
                                  "United Nations"]


@pytest.mark.parametrize("sentence", [
    "Mexico and the Federal Emergency Management Agency met.",
    "On Monday the Federal Emergency Management Agency met.",
    "The Border Patrol and the Federal Emergency Management Agency met.",
])
def test_organisation_name_stops_at_its_own_words(editorial, sentence):
    assert "Federal Emergency Management Agency" in find_cast([sentence], editorial).organizations


def test_capitals_alias_before_a_full_stop(editorial):
    assert find_cast(["The report went to the UN."], editorial).organizations == ["United Nations"]


def test_lower_case_un_is_not_the_united_nations(editorial):
    assert find_cast(["The talks were un-productive and unclear."], editorial).organizations == []


# --- the seed articles ---------------------------------------------------------------------------

def test_002_quotes_sanders_and_appleby(seed_article):
    speakers = [q.speaker for q in seed_article(2).quotes]
    assert speakers == ["Sarah Huckabee Sanders", "Donald Trump", "Kevin Appleby", "Kevin Appleby"]


def test_002_people_have_their_roles(seed_article):
    people = {p.name: p.role for p in seed_article(2).people}
    assert people["Sarah Huckabee Sanders"] == "White House press secretary"
    assert people["Marcelo Ebrard"] == "Mexican foreign minister"


def test_004_quotes_are_all_noems(seed_article):
    quotes = seed_article(4).quotes
    assert len(quotes) == 3 and {q.speaker for q in quotes} == {"Kristi Noem"}
    assert quotes[2].text == "Politically, this is a difficult agreement for their governments to do."


def test_000_lowercase_speakers(seed_article):
    assert [q.speaker for q in seed_article(0).quotes] == [
        "Sarah Pierce", "Leah Chavla", "Sarah Pierce", "Mark Krikorian", "Sarah Pierce", "Sarah Pierce"]


def test_001_anonymous_sources_stay_anonymous(seed_article):
    assert [q.speaker for q in seed_article(1).quotes][:2] == ["someone with knowledge of the deal"] * 2


def test_lowercase_role_words_cue_people_and_surnames_cue_speakers(editorial):
    paragraph = ("acting homeland security secretary kevin mcaleenan signed the agreement with honduran foreign "
                 "minister lisandro rosales on wednesday this is a significant step in our partnership mcaleenan said "
                 "sending people back is dangerous said jessica ramírez ortega an attorney with a legal clinic "
                 "ingrid beatriz alfaro a salvadoran human rights lawyer said the offer was risky")
    cast = find_cast([paragraph], editorial)
    assert {p.name for p in cast.people} == {"Kevin McAleenan", "Lisandro Rosales", "Jessica Ramirez Ortega",
                                             "Ingrid Beatriz Alfaro"}
    assert [q.speaker for q in cast.quotes][:2] == ["Kevin McAleenan", "Jessica Ramirez Ortega"]


def test_the_official_is_the_official_introduced_before(editorial):
    paragraphs = ["An EU official, who spoke on condition of anonymity, insisted the bloc paid for nothing.",
                  "“Not one euro goes to forced returns,” the official said."]
    assert quotes(paragraphs, editorial) == [("an EU official", "Not one euro goes to forced returns")]


def test_lowercase_speakers_after_said_and_anonymous_descriptions(editorial):
    paragraph = ("the agency said talks went on ingrid beatriz alfaro a salvadoran human rights lawyer said the plan "
                 "was risky we are the ones left trying to find them a lawyer said paula e whitcomb director of a "
                 "legal aid project we have had a constructive dialogue and our door remains open a spokesperson for "
                 "the rwandan foreign ministry said")
    speakers = [q.speaker for q in find_cast([paragraph], editorial).quotes]
    assert speakers == ["Paula E Whitcomb", "a spokesperson for the rwandan foreign ministry"]


@pytest.mark.parametrize("paragraphs, expected", [
    (["The Minister of the Interior, Fernando Grande-Marlaska, spoke in Madrid.",
      "“Cooperation is excellent and already producing results,” the minister stressed."],
     [("Fernando Grande-Marlaska", "Cooperation is excellent and already producing results")]),
    (["In a statement, the Commission said the money would support “the voluntary, safe and dignified return”."],
     [("the Commission", "the voluntary, safe and dignified return")]),
    (["The joint declaration agreed in Rabat lists the “full normalisation” of the movement of people."], []),
])
def test_definite_descriptions_and_institutions(editorial, paragraphs, expected):
    assert quotes(paragraphs, editorial) == expected


def test_a_quote_carries_its_speakers_role(editorial):
    paragraph = "“We will sign,” said Kevin Appleby, a veteran of immigration policy."
    quote = find_cast([paragraph], editorial).quotes[0]
    assert (quote.speaker, quote.role) == ("Kevin Appleby", "veteran of immigration policy")


# Where a role or an apposition can be, and where it cannot: at the text's edges, across a line, with particles
# and initials, a second comma right after, and names in commas one after another.
TRICKY = [
    "Honduras’s immigration director, Wilson Paz, said",
    "Marcelo Ebrard, the Mexican foreign minister, said",
    "director, Wilson Paz,",
    "a long\nline of words, Ana de la Cruz, Luis van Dam, and more",
    "Paula E. Whitcomb, a lawyer. Then the senior government official for migration, Juan Perez, spoke",
    ", Wilson Paz, , Ana Cruz,",
    "the minister, Jo Ann, an aide, Bo Li, the end.",
    "words words words words words, Ana Cruz, the head of the office; or",
]


@pytest.mark.parametrize("pattern, commas, words", [
    (people.ROLE_FIRST, people.ROLE_FIRST_COMMA, people.ROLE_FIRST_WORDS),
    (people.APPOSITIVE, people.APPOSITIVE_COMMA, people.APPOSITIVE_WORDS),
], ids=["role first", "appositive"])
def test_a_pattern_tried_before_commas_only_finds_what_it_finds_everywhere(pattern, commas, words, seed_text):
    def found(matches):
        return [(match.span(), match.groupdict()) for match in matches]

    texts = [*TRICKY, *(seed_text(number) for number in range(5))]
    matched = 0
    for text in texts:
        expected = found(pattern.finditer(text))
        assert found(people._found_before_commas(pattern, commas, words, text)) == expected, text
        matched += len(expected)
    assert matched >= 5, "too few matches for the comparison to show anything"

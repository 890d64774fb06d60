"""Masking quoted fragments for intervision case notes (issue 6)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from console.domain.masking import mask_fragment


def test_names_numbers_and_addresses_are_masked_and_listed_for_the_author():
    masked = mask_fragment(
        "Ik heet Sanne en mijn broer Ahmed slaat me. Bel 06-12345678 of mail sanne@example.nl",
    )
    assert masked.text == (
        "Ik heet [naam] en mijn broer [naam] slaat me. Bel [telefoon] of mail [e-mail]"
    )
    assert masked.removed == (
        ("name", "Sanne"),
        ("name", "Ahmed"),
        ("phone", "06-12345678"),
        ("email", "sanne@example.nl"),
    )


def test_a_name_the_author_lists_is_masked_even_at_a_sentence_start_and_in_lower_case():
    masked = mask_fragment("Lotte zei het. daarna zei lotte niks.", names=["Lotte"])
    assert masked.text == "[naam] zei het. daarna zei [naam] niks."


def test_ordinary_sentences_pass_unchanged():
    text = '"Mijn moeder weet het niet," zei ze op maandag. Ik snap het. Je bent welkom.'
    masked = mask_fragment(text)
    assert masked.text == text
    assert not masked.changed


def test_street_and_postcode():
    masked = mask_fragment("Ik woon op de Kerkstraat 12, 1234 AB.")
    assert masked.text == "Ik woon op de [adres], [postcode]."


@given(st.text(max_size=200), st.lists(st.text(min_size=1, max_size=12), max_size=3))
def test_masking_never_fails_and_never_leaves_a_listed_name(text, names):
    masked = mask_fragment(text, names)
    for name in names:
        if name.strip() and name.strip().isalpha():
            # A listed purely-alphabetic name never survives as a whole word.
            words = [
                w
                for w in masked.text.split()
                if w.strip(".,!?\"'").casefold() == name.strip().casefold()
            ]
            assert words == [] or "[naam]" in masked.text
    assert all(
        kind in {"email", "phone", "url", "postcode", "address", "name"}
        for kind, _ in masked.removed
    )

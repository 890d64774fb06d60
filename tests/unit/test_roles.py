import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.roles import (
    CHAT_SCHEDULERS,
    CHAT_TEXT_EDITORS,
    Area,
    Role,
    areas_for,
    parse_roles,
)


def test_trainee_sees_chat_screening_roster_and_supervision_but_not_admin():
    areas = areas_for({Role.TRAINEE})
    assert areas == [Area.HOME, Area.CHAT, Area.SCREENING, Area.ROSTER, Area.SUPERVISION]


def test_admin_sees_administration_and_not_chat():
    areas = areas_for({Role.ADMIN})
    assert Area.ADMIN in areas and Area.CHAT not in areas


def test_project_lead_sees_reports_and_admin_but_not_chat():
    areas = areas_for({Role.PROJECT_LEAD})
    assert Area.REPORTS in areas and Area.ADMIN in areas
    assert Area.CHAT not in areas


def test_administration_is_for_exactly_who_edits_chat_texts_or_open_days():
    """The server's policies for `PUT /chat/texts` and `PUT /chat/open-days/{day}` use the
    same role sets; the helpdesk may use neither, so it does not see an empty area."""
    assert {Role.ADMIN, Role.PROJECT_LEAD} == CHAT_TEXT_EDITORS
    assert {Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD, Role.ADMIN} == CHAT_SCHEDULERS
    for role in Role:
        assert (Area.ADMIN in areas_for({role})) == (role in CHAT_TEXT_EDITORS | CHAT_SCHEDULERS), (
            role
        )
    assert areas_for({Role.HELPDESK}) == [Area.HOME]


def test_the_server_authorises_chat_texts_and_open_days_with_the_same_sets():
    from server.api import chats

    assert chats.TEXT_EDITORS.roles == CHAT_TEXT_EDITORS
    assert chats.SCHEDULERS.roles == CHAT_SCHEDULERS


@given(st.sets(st.sampled_from(list(Role))))
def test_everyone_has_home_first_and_areas_keep_navigation_order(roles):
    areas = areas_for(roles)
    if roles:
        assert areas[0] is Area.HOME
    assert areas == sorted(areas, key=list(Area).index)


@given(st.sets(st.sampled_from(list(Role))), st.sets(st.sampled_from(list(Role))))
def test_more_roles_never_hide_an_area(a, b):
    assert set(areas_for(a)) <= set(areas_for(a | b))


def test_parse_roles_names_the_unknown_one():
    assert parse_roles(["helper", "supervisor"]) == {Role.HELPER, Role.SUPERVISOR}
    with pytest.raises(ValueError, match="'boss'"):
        parse_roles(["helper", "boss"])

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.roles import Area, Role, areas_for, parse_roles


def test_trainee_sees_chat_screening_roster_and_supervision_but_not_admin():
    areas = areas_for({Role.TRAINEE})
    assert areas == [Area.HOME, Area.CHAT, Area.SCREENING, Area.ROSTER, Area.SUPERVISION]


def test_admin_sees_administration_and_not_chat():
    areas = areas_for({Role.ADMIN})
    assert Area.ADMIN in areas and Area.CHAT not in areas


def test_project_lead_sees_reports_but_not_chat_or_admin():
    areas = areas_for({Role.PROJECT_LEAD})
    assert Area.REPORTS in areas
    assert Area.CHAT not in areas and Area.ADMIN not in areas


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

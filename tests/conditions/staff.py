"""Staff users in the roles every install has (the groups come from the data migrations)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct-horse-battery-staple"


def staff_user(username, group_name=None, first_name="", last_name="", **fields):
    """A user with an email address, in ``group_name`` (an existing role)."""
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.invalid",
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name,
        **fields,
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user

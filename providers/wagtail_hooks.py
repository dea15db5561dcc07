from wagtail import hooks

from .viewsets import FindADoctorViewSetGroup


@hooks.register("register_admin_viewset")
def register_find_a_doctor():
    return FindADoctorViewSetGroup()

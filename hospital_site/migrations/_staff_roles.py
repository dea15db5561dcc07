"""The staff roles as migrations 0003 and 0004 created them: groups and the Wagtail permissions they carry.

Frozen with those migrations (the leading underscore keeps Django from taking it
for one): it names the settings models by the app label they had then,
``hospital_site``; ``base/migrations/0001`` moves their content types, and so these
permissions, to ``base``. Used with historical models (passed in as ``apps``), so it
imports no models itself. Page and collection permissions are Wagtail's own,
granted on the root page and the root collection, so they cover the whole site.
"""

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
SITE_ADMINISTRATORS = "Site administrators"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")

# (app_label, model, action): Django model permissions; name is derived.
PAGE_ACTIONS = {
    EDITORS: ["add", "change", "lock"],
    # Change and lock: to read pages, compare revisions and correct wording while reviewing.
    MEDICAL_REVIEWERS: ["change", "lock"],
    SITE_ADMINISTRATORS: ["add", "change", "publish", "bypass_workflow", "lock", "unlock"],
}
# Editors must never publish: their work goes through review.
# Reviewers approve through the workflow, which publishes on approval (base/workflows.py).
PAGE_ACTIONS_FORBIDDEN = {
    EDITORS: ["publish", "bypass_workflow", "unlock"],
    MEDICAL_REVIEWERS: ["publish", "bypass_workflow", "unlock"],
}

COLLECTION_ACTIONS = {
    EDITORS: ["add", "change", "choose"],
    MEDICAL_REVIEWERS: ["choose"],
    SITE_ADMINISTRATORS: ["add", "change", "choose", "delete"],
}

SITE_ADMIN_MODEL_PERMISSIONS = [
    ("hospital_site", "sitesettings", ["change"]),
    ("wagtailredirects", "redirect", ["add", "change", "delete"]),
    ("auth", "user", ["add", "change", "delete", "view"]),
    ("auth", "group", ["add", "change", "delete", "view"]),
    ("wagtailcore", "workflow", ["add", "change", "delete"]),
    ("wagtailcore", "task", ["add", "change", "delete"]),
    ("wagtailcore", "collection", ["add", "change", "delete"]),
    ("wagtailcore", "site", ["add", "change", "delete"]),
    ("providers", "provider", ["add", "change", "delete", "view"]),
    ("providers", "specialty", ["add", "change", "delete", "view"]),
    ("providers", "location", ["add", "change", "delete", "view"]),
    ("providers", "language", ["add", "change", "delete", "view"]),
    ("conditions", "reviewerprofile", ["add", "change", "delete", "view"]),
]

PAGE_PERMISSION_NAMES = {
    "add": "Can add page",
    "change": "Can change page",
    "publish": "Can publish page",
    "bypass_workflow": "Can bypass workflow",
    "lock": "Can lock page",
    "unlock": "Can unlock page",
}


def get_permission(apps, app_label, model, codename, name=None):
    """A Permission row, created if this fresh database does not have it yet.

    Django creates permissions after all migrations have run, so a data
    migration on a fresh database may find none.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": name or f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def grant_page_permissions(apps, group, actions, page):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for action in actions:
        permission = get_permission(apps, "wagtailcore", "page", f"{action}_page", PAGE_PERMISSION_NAMES[action])
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def revoke_page_permissions(apps, group, actions):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group=group, permission__codename__in=[f"{a}_page" for a in actions]).delete()


def grant_collection_permissions(apps, group, actions, collection):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for app_label, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]:
        for action in actions:
            permission = get_permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {model}")
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def create_roles(apps, schema_editor):
    """Create (or complete) the four staff groups. Safe on a database where some already exist."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    access_admin = get_permission(apps, *ACCESS_ADMIN)

    for name in [EDITORS, MEDICAL_REVIEWERS, SITE_ADMINISTRATORS]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        revoke_page_permissions(apps, group, PAGE_ACTIONS_FORBIDDEN.get(name, []))
        if root_page is not None:
            grant_page_permissions(apps, group, PAGE_ACTIONS[name], root_page)
        if root_collection is not None:
            grant_collection_permissions(apps, group, COLLECTION_ACTIONS[name], root_collection)

    administrators = Group.objects.get(name=SITE_ADMINISTRATORS)
    for app_label, model, actions in SITE_ADMIN_MODEL_PERMISSIONS:
        administrators.permissions.add(
            *[get_permission(apps, app_label, model, f"{action}_{model}") for action in actions]
        )
    # Wagtail's own "Moderators approval" workflow covers pages outside the
    # conditions section; site administrators can approve those too.
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in GroupApprovalTask.objects.filter(name="Moderators approval"):
        task.groups.add(administrators)


def remove_roles(apps, schema_editor):
    """Undo: remove the groups this migration added (Wagtail's own Editors group stays)."""
    apps.get_model("auth", "Group").objects.filter(name__in=[MEDICAL_REVIEWERS, SITE_ADMINISTRATORS]).delete()


def grant_navigation_to_administrators(apps, schema_editor):
    """Site administrators edit the header menu and footer links (Settings → Navigation)."""
    Group = apps.get_model("auth", "Group")
    administrators, _ = Group.objects.get_or_create(name=SITE_ADMINISTRATORS)
    administrators.permissions.add(
        get_permission(apps, "hospital_site", "navigationsettings", "change_navigationsettings")
    )

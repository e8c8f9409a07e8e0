"""The admin speaks German to editors: login, groups, workflow, block labels."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, Task, Workflow

pytestmark = pytest.mark.django_db

rename = importlib.import_module("home.migrations.0005_german_editor_groups_and_workflow")


def test_admin_login_form_is_german(client):
    text = client.get("/admin/login/").text
    assert "Passwort" in text
    assert "Password" not in text


def test_default_groups_and_workflow_have_german_names():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Redaktion", "Moderation"} <= names
    assert not names & {"Editors", "Moderators"}
    assert Workflow.objects.filter(name="Freigabe").exists()
    assert Task.objects.filter(name="Freigabe durch die Moderation").exists()
    assert not Workflow.objects.filter(name__icontains="Moderators").exists()


def test_renaming_again_or_backwards_loses_nothing():
    editors = Group.objects.get(name="Redaktion")
    permissions = set(editors.permissions.values_list("pk", flat=True))
    rename.to_german(apps, None)
    assert set(Group.objects.get(name="Redaktion").permissions.values_list("pk", flat=True)) == (
        permissions
    )
    rename.to_english(apps, None)
    assert Group.objects.get(pk=editors.pk).name == "Editors"
    assert Workflow.objects.filter(name="Moderators approval").exists()
    rename.to_german(apps, None)
    assert Group.objects.get(pk=editors.pk).name == "Redaktion"


def test_a_hand_made_group_of_the_new_name_is_left_alone():
    Group.objects.filter(name="Redaktion").update(name="Editors")
    Group.objects.create(name="Redaktion")
    rename.to_german(apps, None)
    assert Group.objects.filter(name="Editors").exists()
    assert Group.objects.filter(name="Redaktion").count() == 1


def test_workflow_button_reads_german(client, standard_page, editor_user):
    client.force_login(editor_user)
    text = client.get(f"/admin/pages/{standard_page.pk}/edit/").text
    assert "Freigabe beantragen" in text
    assert "Moderators" not in text


def _named_children(block: blocks.Block):
    """(name, block) for every named block inside ``block``, through lists and structs."""
    if isinstance(block, blocks.ListBlock):
        yield from _named_children(block.child_block)
        return
    for name, child in (getattr(block, "child_blocks", None) or {}).items():
        yield name, child
        yield from _named_children(child)


# Block names whose English spelling is also the German label.
SAME_IN_GERMAN = {"text", "partner"}


def test_every_block_has_a_german_label():
    """A block without a label shows its English name ("Steps") in the editor."""
    unlabelled = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            for name, child in _named_children(field.stream_block):
                if name in SAME_IN_GERMAN:
                    continue
                if child.label == capfirst(name.replace("_", " ")):
                    unlabelled.append(f"{model.__name__}.{field.name}: {name}")
    assert unlabelled == []

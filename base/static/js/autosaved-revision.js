// Tells the server which draft this tab's own autosave wrote.
//
// Wagtail's autosave keeps a page's draft in a revision of its own and names
// it only in its background requests. "Save draft", "Submit for review" and
// "Publish" post the revision the editor first loaded, so the edit-conflict
// check (base/edit_conflicts.py) would take the editor's own autosave for
// someone else's newer version. This field names it in every later post.
document.addEventListener("w-autosave:success", (event) => {
  const form = event.target;
  const revisionId = event.detail && event.detail.data && event.detail.data.revision_id;
  if (!(form instanceof HTMLFormElement) || !revisionId) {
    return;
  }
  let field = form.querySelector("input[name='autosaved_revision_id']");
  if (!field) {
    field = document.createElement("input");
    field.type = "hidden";
    field.name = "autosaved_revision_id";
    form.prepend(field);
  }
  field.value = String(revisionId);
});

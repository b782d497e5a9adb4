"""The one FormHelper every form on the site uses.

crispy-forms renders only the fields a layout names, so a hidden field the layout leaves out
(a formset row's ``id``, a version) would silently go missing from the page, and the browser
would send a form the server cannot match to its row. This helper always renders them.
Lives at the bottom of the import chain so that every app can use it.
"""

from crispy_forms.helper import FormHelper as CrispyFormHelper


class FormHelper(CrispyFormHelper):
    render_hidden_fields = True

"""Posts' links kept one way (``kpis.posts.canonical_post_url``): the same post typed in from a
share button and imported from insights is then found as one. A link whose kept form another
post of the same partnership already has stays as it was, so no post is merged or lost here:
the owner sees both and can remove the twin."""

from django.db import migrations


def keep_links_one_way(apps, schema_editor):
    from kpis.posts import canonical_post_url

    Post = apps.get_model("kpis", "Post")
    posts = list(Post.objects.exclude(url="").only("pk", "partnership_id", "url"))
    taken = {(post.partnership_id, post.url) for post in posts}
    changed = []
    for post in posts:
        kept = canonical_post_url(post.url)[:500]
        if kept == post.url or (post.partnership_id, kept) in taken:
            continue
        taken.discard((post.partnership_id, post.url))
        taken.add((post.partnership_id, kept))
        post.url = kept
        changed.append(post)
    Post.objects.bulk_update(changed, ["url"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("kpis", "0014_click_counted_fewer_statements"),
    ]

    operations = [migrations.RunPython(keep_links_one_way, migrations.RunPython.noop)]

# corpus: trap
"""Tests of a mail app's Django admin pages: HTTP statuses all through, asserted in every
form Django's test client allows. Nothing here is SMTP."""

from django.core import mail
from django.test import TestCase
from django.urls import reverse

from .models import Campaign


class CampaignAdminTests(TestCase):
    def setUp(self):
        self.campaign = Campaign.objects.create(name="spring", batch_size=250)

    def test_list_page(self):
        response = self.client.get(reverse("admin:mail_campaign_changelist"))
        self.assertEqual(response.status_code, 302)
        self.client.force_login(self.make_admin())
        response = self.client.get(reverse("admin:mail_campaign_changelist"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "spring", status_code=200)

    def test_missing_campaign(self):
        self.client.force_login(self.make_admin())
        response = self.client.get("/admin/mail/campaign/999/change/")
        self.assertRedirects(response, "/admin/", status_code=302, target_status_code=200)

    def test_send_action(self):
        self.client.force_login(self.make_admin())
        response = self.client.post(reverse("campaign-send", args=[self.campaign.pk]))
        assert response.status_code == 202
        assert len(mail.outbox) == 1
        assert self.campaign.batch_size == 250

    def test_api_errors(self):
        response = self.client.post("/api/campaigns/", data={}, content_type="application/json")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["code"], 400)
        response = self.client.delete("/api/campaigns/12345/")
        assert response.status_code in (403, 404)

    def make_admin(self):
        from django.contrib.auth.models import User

        return User.objects.create_superuser("root", "root@example.org", "pw")

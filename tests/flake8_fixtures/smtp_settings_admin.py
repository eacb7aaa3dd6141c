# corpus: trap
"""Admin REST views of a newsletter tool where staff set the outgoing SMTP server: ports,
timeouts, limits and HTTP statuses, plus a "test connection" button. No reply code is
hard-coded here."""
import smtplib

from django.db import models
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.response import Response

PORT_CHOICES = ((25, "25 (SMTP)"), (465, "465 (SMTPS)"), (587, "587 (submission)"),
                (2525, "2525 (alternative)"))


class SmtpServer(models.Model):
    host = models.CharField(max_length=253)
    port = models.PositiveIntegerField(choices=PORT_CHOICES, default=587)
    timeout = models.PositiveIntegerField(default=30)
    max_per_hour = models.PositiveIntegerField(default=500)


class SmtpServerSerializer(serializers.ModelSerializer):
    class Meta:
        model = SmtpServer
        fields = ["id", "host", "port", "timeout", "max_per_hour"]

    def validate_port(self, value):
        if value not in (25, 465, 587, 2525):
            raise serializers.ValidationError("unusual port")
        return value

    def validate_timeout(self, value):
        if not 5 <= value <= 300:
            raise serializers.ValidationError("timeout must be between 5 and 300 seconds")
        return value


@api_view(["POST"])
def test_connection(request, pk):
    try:
        server = SmtpServer.objects.get(pk=pk)
    except SmtpServer.DoesNotExist:
        return Response({"detail": "not found"}, status=404)
    try:
        smtp_class = smtplib.SMTP_SSL if server.port == 465 else smtplib.SMTP
        with smtp_class(server.host, server.port, timeout=server.timeout) as conn:
            if server.port == 587:
                conn.starttls()
            conn.noop()
    except (OSError, smtplib.SMTPException) as exc:
        return Response({"ok": False, "error": str(exc)}, status=status.HTTP_502_BAD_GATEWAY)
    return Response({"ok": True}, status=200)


@api_view(["PATCH"])
def update_limits(request, pk):
    serializer = SmtpServerSerializer(SmtpServer.objects.get(pk=pk), data=request.data,
                                      partial=True)
    if not serializer.is_valid():
        return Response(serializer.errors, status=400)
    serializer.save()
    return Response(serializer.data, status=status.HTTP_200_OK)

# ruff: noqa  (realistic code, linted by the SMT plugin only)

using System.Net.Http.Json;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jobbtorg.Features.Reminders;

/// <summary>Sends a reminder by e-mail over SMTP (MailKit). Returns null when the server accepted it, else what went
/// wrong, without the address.</summary>
public sealed class SmtpReminderSender(IOptions<ReminderOptions> options)
{
    public async Task<string?> SendAsync(string address, ReminderMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.IsOn) return "e-mail is not configured";
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        mail.To.Add(MailboxAddress.Parse(address));
        mail.Subject = message.Subject;
        // The same id on every attempt, so a receiving system can tell a repeat.
        mail.MessageId = $"reminder-{message.Id}@jobbtorg";
        mail.Body = new TextPart("plain") { Text = ReminderTexts.EmailBody(message.Body) };
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, true, out var s) ? s : SecureSocketOptions.Auto;
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(true, ct);
            return null;
        }
        catch (SmtpCommandException e)
        {
            return $"SMTP {(int)e.StatusCode} {e.StatusCode} ({e.ErrorCode})";
        }
        catch (SmtpProtocolException)
        {
            return "SMTP protocol error";
        }
        catch (AuthenticationException)
        {
            return "SMTP authentication failed";
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or SslHandshakeException or ServiceNotConnectedException)
        {
            return $"SMTP server not reached ({e.GetType().Name})";
        }
    }
}

/// <summary>Sends a reminder by SMS: one JSON POST to the provider with a bearer token. Returns null on a 2xx answer,
/// else what went wrong, without the number.</summary>
public sealed class SmsReminderSender(IHttpClientFactory http, IOptions<ReminderOptions> options)
{
    public const string HttpClientName = "sms";

    public async Task<string?> SendAsync(string phone, ReminderMessage message, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        if (!sms.IsOn) return "SMS is not configured";
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url)
        {
            Content = JsonContent.Create(new SmsRequest(phone, sms.Sender, message.Body, $"jobbtorg-reminder-{message.Id}")),
        };
        request.Headers.Authorization = new("Bearer", sms.Token ?? "");
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            return $"SMS provider not reached ({e.HttpRequestError})";
        }
    }

    /// <summary>The body the provider receives; <see cref="Reference"/> is the same on every attempt.</summary>
    public sealed record SmsRequest(string To, string From, string Message, string Reference);
}

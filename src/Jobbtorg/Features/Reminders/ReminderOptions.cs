using System.ComponentModel.DataAnnotations;

namespace Jobbtorg.Features.Reminders;

/// <summary>`Jobbtorg:Reminders`. E-mail is sent when <see cref="SmtpOptions.Host"/> is set, SMS when
/// <see cref="SmsOptions.Url"/> is; both are off until configured.</summary>
public sealed class ReminderOptions
{
    public SmtpOptions Smtp { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
    /// <summary>The daily round runs on a working day from this Stockholm time (and once that day).</summary>
    public TimeOnly RoundFrom { get; set; } = new(10, 0);
    /// <summary>How often the outbox and the booking changes are looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>A booking moved or cancelled this long ago or less is told about (a longer stop loses nothing shorter).</summary>
    public TimeSpan ChangesLookBack { get; set; } = TimeSpan.FromDays(3);
    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>False stops the round, the change messages and the sending (e.g. on an instance that only serves pages).</summary>
    public bool Enabled { get; set; } = true;
}

public sealed class SmtpOptions
{
    [MaxLength(200)] public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 587;
    /// <summary>Auto (STARTTLS when the server offers it), StartTls, SslOnConnect or None.</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    [MaxLength(254)] public string From { get; set; } = "no-reply@jobbtorg.example";
    [MaxLength(100)] public string FromName { get; set; } = "Jobbtorg Stockholm";

    public bool IsOn => !string.IsNullOrWhiteSpace(Host);
}

public sealed class SmsOptions
{
    /// <summary>The provider's endpoint; each message is one JSON POST to it.</summary>
    public string? Url { get; set; }
    /// <summary>Sent as "Authorization: Bearer {Token}".</summary>
    public string? Token { get; set; }
    /// <summary>The sender name the provider shows (at most 11 letters or digits).</summary>
    [MaxLength(11)] public string Sender { get; set; } = "Jobbtorg";

    public bool IsOn => !string.IsNullOrWhiteSpace(Url);
}

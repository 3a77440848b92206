using System.Text.RegularExpressions;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Reminders;

/// <summary>
/// What a participant agreed to about reminders, as recorded on the case: which channels, to which mobile number and
/// e-mail address, by whom and when. Never changed in place: every opt-in, change and opt-out is a new row, so the
/// history stays readable and the latest row is what holds.
/// </summary>
public partial class ReminderConsent
{
    public const int MaxPhoneInputLength = 20;
    public const int MaxEmailLength = 254;

    private ReminderConsent()
    {
    }

    public long Id { get; private set; }
    public int CaseId { get; private set; }
    public bool BySms { get; private set; }
    public bool ByEmail { get; private set; }
    /// <summary>A Swedish mobile number in international form (+467…); null without SMS.</summary>
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    public bool Agreed => BySms || ByEmail;

    public bool Allows(ReminderChannel channel) => channel == ReminderChannel.Sms ? BySms : ByEmail;

    /// <summary>Records the participant's choice; every field that is wrong is named and nothing is recorded then.
    /// Opting out is the same choice with no channel.</summary>
    public static ReminderConsent Record(int caseId, bool bySms, string? phone, bool byEmail, string? email, string recordedBy, DateTimeOffset now)
    {
        var broken = Check(bySms, phone, byEmail, email);
        if (broken.Count > 0) throw broken[0].ToException();
        return new ReminderConsent
        {
            CaseId = caseId, BySms = bySms, Phone = bySms ? NormaliseMobile(phone) : null,
            ByEmail = byEmail, Email = byEmail ? email!.Trim() : null, RecordedAt = now.ToUniversalTime(), RecordedBy = recordedBy,
        };
    }

    /// <summary>The rules a choice keeps, each on its field (Phone, Email).</summary>
    public static List<BrokenRule> Check(bool bySms, string? phone, bool byEmail, string? email)
    {
        var broken = new List<BrokenRule>();
        if (bySms)
        {
            if (string.IsNullOrWhiteSpace(phone)) broken.Add(BrokenRule.OnField(nameof(Phone), "Enter the mobile number reminders are sent to by SMS."));
            else if (phone.Length > MaxPhoneInputLength) broken.Add(BrokenRule.OnField(nameof(Phone), "The mobile number may be at most {0} characters.", MaxPhoneInputLength));
            else if (NormaliseMobile(phone) is null)
                broken.Add(BrokenRule.OnField(nameof(Phone), "Enter a Swedish mobile number, e.g. 070-123 45 67 or +46 70 123 45 67."));
        }
        else if (phone?.Length > MaxPhoneInputLength)
            broken.Add(BrokenRule.OnField(nameof(Phone), "The mobile number may be at most {0} characters.", MaxPhoneInputLength));
        if (byEmail)
        {
            if (string.IsNullOrWhiteSpace(email)) broken.Add(BrokenRule.OnField(nameof(Email), "Enter the e-mail address reminders are sent to."));
            else if (email.Trim().Length > MaxEmailLength) broken.Add(BrokenRule.OnField(nameof(Email), "The e-mail address may be at most {0} characters.", MaxEmailLength));
            else if (!EmailShape().IsMatch(email.Trim())) broken.Add(BrokenRule.OnField(nameof(Email), "Enter an e-mail address like namn@example.se."));
        }
        else if (email?.Length > MaxEmailLength)
            broken.Add(BrokenRule.OnField(nameof(Email), "The e-mail address may be at most {0} characters.", MaxEmailLength));
        return broken;
    }

    /// <summary>A Swedish mobile number (07X… or +46 7X…, spaces and hyphens allowed) as +467XXXXXXXX; null for
    /// anything else, landlines and machine-to-machine numbers (071) included.</summary>
    public static string? NormaliseMobile(string? input)
    {
        if (input is null) return null;
        var digits = input.Trim().Replace(" ", "").Replace("-", "");
        if (digits.StartsWith("+46")) digits = digits[3..];
        else if (digits.StartsWith("0046")) digits = digits[4..];
        else if (digits.StartsWith('0')) digits = digits[1..];
        else return null;
        return MobileDigits().IsMatch(digits) ? "+46" + digits : null;
    }

    /// <summary>The number shown to staff: 070-123 45 67.</summary>
    public static string ShowPhone(string? phone) => phone is { Length: 12 } p
        ? $"0{p[3..5]}-{p[5..8]} {p[8..10]} {p[10..12]}" : phone ?? "–";

    [GeneratedRegex(@"^7[02369]\d{7}$")]
    private static partial Regex MobileDigits();

    // One @, a local part and a domain with a dot, no spaces or angle brackets: the shape an SMTP server accepts.
    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[A-Za-z0-9ÅÄÖåäö](?:[A-Za-z0-9ÅÄÖåäö-]*[A-Za-z0-9ÅÄÖåäö])?(?:\.[A-Za-z0-9ÅÄÖåäö](?:[A-Za-z0-9ÅÄÖåäö-]*[A-Za-z0-9ÅÄÖåäö])?)+$")]
    private static partial Regex EmailShape();
}

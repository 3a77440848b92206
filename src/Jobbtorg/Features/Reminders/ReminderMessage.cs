namespace Jobbtorg.Features.Reminders;

public enum ReminderChannel { Sms, Email }

/// <summary>What a message tells: a reminder the working day before, or that a booking was moved or cancelled.</summary>
public enum ReminderKind { Reminder, Moved, Cancelled }

/// <summary>What kind of booking a message is about. A new kind of appointment adds a member and an
/// <see cref="IAppointmentSource"/>.</summary>
public enum AppointmentKind { InfoMeeting, ThreePartyMeeting, CoachAppointment }

public enum ReminderState
{
    /// <summary>Waiting to be sent (again, after a failed attempt).</summary>
    Pending,
    Sent,
    /// <summary>Given up after the last attempt; a manager or administrator sees it and can send it again.</summary>
    Failed,
    /// <summary>Not sent: the participant opted out of the channel, or the person's identity became protected.</summary>
    Withdrawn,
}

/// <summary>
/// One message to a participant in the reminder outbox. The key (appointment kind, booking, message kind, channel) is
/// unique, so a round run twice or by two instances stores it once; a dispatcher holds it under a lease while it
/// sends, so two instances never send it both. The address is not stored here: it is read from the case's consent
/// when the message is sent, so a changed number or an opt-out is respected up to the last moment.
/// </summary>
public class ReminderMessage
{
    public const int MaxBodyLength = 1000;

    public long Id { get; set; }
    public required string Key { get; set; }
    public int CaseId { get; set; }
    public AppointmentKind Appointment { get; set; }
    public int BookingId { get; set; }
    public ReminderKind Kind { get; set; }
    public ReminderChannel Channel { get; set; }
    /// <summary>When the appointment starts (for a move: the new time), UTC.</summary>
    public DateTimeOffset StartsAt { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public ReminderState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>A send in progress holds the message until then; a crashed one is tried again after it.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    public static string KeyOf(AppointmentKind appointment, int bookingId, ReminderKind kind, ReminderChannel channel) =>
        $"{appointment}:{bookingId}:{kind}:{channel}";
}

/// <summary>The day a reminder round ran. The unique date, stored in the same transaction as the round's messages,
/// makes the round happen once a day whatever the number of instances.</summary>
public class ReminderRoundRun
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public DateTimeOffset RanAt { get; set; }
    public int Messages { get; set; }
}

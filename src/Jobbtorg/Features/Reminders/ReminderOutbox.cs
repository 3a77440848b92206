using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Reminders;

/// <summary>Writes messages into the reminder outbox, one row per channel the participant agreed to and the installation
/// sends by, and never for a person with protected identity. A key that is already stored is left alone.</summary>
public sealed class ReminderOutbox(JobbtorgDb db, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderOutbox> log)
{
    public sealed record Draft(Appointment Appointment, ReminderKind Kind, string Subject, string Body, DateTimeOffset? ConsentAt = null);

    /// <summary>The channels the installation has a sender for.</summary>
    public IReadOnlyList<ReminderChannel> ChannelsOn()
    {
        var on = new List<ReminderChannel>();
        if (options.Value.Sms.IsOn) on.Add(ReminderChannel.Sms);
        if (options.Value.Smtp.IsOn) on.Add(ReminderChannel.Email);
        return on;
    }

    /// <summary>The consent that holds now for each case: its latest recorded choice.</summary>
    public static async Task<Dictionary<int, ReminderConsent>> ConsentsAsync(JobbtorgDb db, IReadOnlyCollection<int> caseIds, CancellationToken ct)
    {
        var rows = await db.ReminderConsents.AsNoTracking().Where(c => caseIds.Contains(c.CaseId)).ToListAsync(ct);
        return rows.GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).First());
    }

    /// <summary>Adds the drafts' messages to the context (saved by the caller); returns how many were added.</summary>
    public async Task<int> AddAsync(IReadOnlyList<Draft> drafts, CancellationToken ct)
    {
        var channels = ChannelsOn();
        if (drafts.Count == 0 || channels.Count == 0) return 0;
        var caseIds = drafts.Select(d => d.Appointment.CaseId).Distinct().ToList();
        var rows = await db.ReminderConsents.AsNoTracking().Where(c => caseIds.Contains(c.CaseId)).ToListAsync(ct);
        var shielded = (await db.Cases.Where(c => caseIds.Contains(c.Id) && c.Participant.ProtectedIdentity).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var wanted = new List<ReminderMessage>();
        foreach (var draft in drafts)
        {
            var a = draft.Appointment;
            if (shielded.Contains(a.CaseId)) continue;
            var at = draft.ConsentAt ?? now;
            var consent = rows.Where(r => r.CaseId == a.CaseId && r.RecordedAt <= at).OrderByDescending(r => r.Id).FirstOrDefault();
            if (consent is not { Agreed: true }) continue;
            if (ReminderTexts.HasSensitiveWords(draft.Subject) || ReminderTexts.HasSensitiveWords(draft.Body))
            {
                log.LogError("A {Kind} message about booking {BookingId} was not written: its text holds a word a reminder must not carry", draft.Kind, a.BookingId);
                continue;
            }
            foreach (var channel in channels.Where(consent.Allows))
                wanted.Add(new ReminderMessage
                {
                    Key = ReminderMessage.KeyOf(a.Kind, a.BookingId, draft.Kind, channel), CaseId = a.CaseId, Appointment = a.Kind,
                    BookingId = a.BookingId, Kind = draft.Kind, Channel = channel, StartsAt = a.StartsAt.ToUniversalTime(),
                    Subject = draft.Subject, Body = draft.Body, CreatedAt = now, State = ReminderState.Pending, NextAttemptAt = now,
                });
        }
        if (wanted.Count == 0) return 0;
        // A booking's change is told once: a booking told as moved is not told again as cancelled when its
        // replacement goes too (that one is told on its own), nor the other way round.
        string Told(ReminderMessage m) => m.Kind == ReminderKind.Reminder ? m.Key
            : ReminderMessage.KeyOf(m.Appointment, m.BookingId, ReminderKind.Cancelled, m.Channel);
        var keys = wanted.SelectMany(m => new[] { m.Key, Told(m), ReminderMessage.KeyOf(m.Appointment, m.BookingId, ReminderKind.Moved, m.Channel) }).Distinct().ToList();
        var stored = (await db.ReminderMessages.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct))
            .Select(k => k.Replace($":{ReminderKind.Moved}:", $":{ReminderKind.Cancelled}:")).ToHashSet();
        var added = wanted.Where(m => stored.Add(Told(m))).ToList();
        db.ReminderMessages.AddRange(added);
        return added.Count;
    }

    /// <summary>Messages of the case not yet sent by a channel the participant no longer agrees to are withdrawn.</summary>
    public Task<int> WithdrawAsync(int caseId, ReminderConsent now, CancellationToken ct)
    {
        var stopped = Enum.GetValues<ReminderChannel>().Where(c => !now.Allows(c)).ToList();
        return db.ReminderMessages.Where(m => m.CaseId == caseId && m.State == ReminderState.Pending && stopped.Contains(m.Channel))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, ReminderState.Withdrawn).SetProperty(m => m.LastError, "The participant opted out."), ct);
    }
}

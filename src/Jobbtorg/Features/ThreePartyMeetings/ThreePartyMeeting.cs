using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.ThreePartyMeetings;

/// <summary>
/// A three-party meeting (trepartssamtal) of participant, coach and the district's case worker about one case.
/// Booked by either side; after it the coach records notes in the case journal and the meeting is held.
/// </summary>
public class ThreePartyMeeting
{
    public const int MinMinutes = 15;
    public const int MaxMinutes = 240;
    public const int MaxPlaceLength = 300;
    public const int MaxNotesLength = 7000;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
    /// <summary>UTC instant; shown in Stockholm time.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    public int DurationMinutes { get; private set; }
    /// <summary>Kept with the start so overlaps can be found in SQL.</summary>
    public DateTimeOffset EndsAt { get; private set; }
    public ThreePartyMeetingForm Form { get; private set; }
    /// <summary>The room and address, or for video and phone how to join (who calls whom, where the link is sent).</summary>
    public required string Place { get; set; }
    public ThreePartyMeetingStatus Status { get; private set; }
    public required string BookedById { get; set; }
    public required string BookedBy { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelledBy { get; private set; }
    /// <summary>The journal note the coach wrote after the meeting.</summary>
    public int? NotesEntryId { get; private set; }
    public JournalEntry? Notes { get; private set; }

    public DateTimeOffset LocalStart => StartsAt.ToStockholm();
    public bool IsPlanned => Status == ThreePartyMeetingStatus.Planned;

    /// <summary>Books a meeting on an enrolled, open case. The start must lie ahead, and the case may not already have a
    /// planned meeting at an overlapping time.</summary>
    public static ThreePartyMeeting Book(Case c, IEnumerable<ThreePartyMeeting> caseMeetings, DateTimeOffset startsAt, int durationMinutes,
        ThreePartyMeetingForm form, string place, AppUser bookedBy, DateTimeOffset now)
    {
        if (!c.IsOpen) throw new RuleBrokenException("The case is closed and can no longer be changed.");
        if (!c.IsEnrolled) throw new RuleBrokenException("A three-party meeting is booked once the case is enrolled and has a coach.");
        if (BookingRules(startsAt, durationMinutes, place, now).FirstOrDefault() is { } broken) throw broken.ToException();
        var endsAt = startsAt.AddMinutes(durationMinutes);
        if (caseMeetings.FirstOrDefault(m => m.CaseId == c.Id && m.IsPlanned && m.StartsAt < endsAt && startsAt < m.EndsAt) is { } clash)
            throw new RuleBrokenException("The case already has a three-party meeting at that time ({0}).", clash.StartsAt);
        c.RecordChange();
        return new ThreePartyMeeting
        {
            Case = c,
            CaseId = c.Id,
            StartsAt = startsAt.ToUniversalTime(),
            DurationMinutes = durationMinutes,
            EndsAt = endsAt.ToUniversalTime(),
            Form = form,
            Place = place.Trim(),
            Status = ThreePartyMeetingStatus.Planned,
            BookedById = bookedBy.Id,
            BookedBy = bookedBy.DisplayName,
            BookedAt = now.ToUniversalTime(),
        };
    }

    /// <summary>The rules a booking's own values keep, each on its field (<see cref="StartsAt"/>, <see cref="DurationMinutes"/>,
    /// <see cref="Place"/>), all at once so that a form can name every one; a value not given yet is not judged.</summary>
    public static List<BrokenRule> BookingRules(DateTimeOffset? startsAt, int? durationMinutes, string? place, DateTimeOffset now)
    {
        var broken = new List<BrokenRule>();
        if (startsAt <= now) broken.Add(BrokenRule.OnField(nameof(StartsAt), "The meeting must start later than now."));
        else if (startsAt is { } start)
        {
            var latest = Calendar.Dates.LatestPlanned(DateOnly.FromDateTime(now.ToStockholm().DateTime));
            if (DateOnly.FromDateTime(start.ToStockholm().DateTime) > latest)
                broken.Add(BrokenRule.OnField(nameof(StartsAt), "A meeting is booked at most {0} years ahead, up to {1}.", Calendar.Dates.MaxYearsAhead, latest));
        }
        if (durationMinutes is < MinMinutes or > MaxMinutes)
            broken.Add(BrokenRule.OnField(nameof(DurationMinutes), "The meeting must last between {0} and {1} minutes.", MinMinutes, MaxMinutes));
        if (string.IsNullOrWhiteSpace(place)) broken.Add(BrokenRule.OnField(nameof(Place), "Say where the meeting is held, or how to join by video or phone."));
        else if (place.Length > MaxPlaceLength) broken.Add(BrokenRule.OnField(nameof(Place), "The place may be at most {0} characters.", MaxPlaceLength));
        return broken;
    }

    /// <summary>After the meeting: the coach's notes go into the case journal, dated the meeting's day and signed,
    /// and the meeting is held.</summary>
    public JournalEntry RecordNotes(string text, string heading, AppUser coach, DateTimeOffset now, DateOnly today)
    {
        if (!IsPlanned) throw new RuleBrokenException("Notes are recorded once, for a planned meeting.");
        if (StartsAt > now) throw new RuleBrokenException("Notes can be recorded when the meeting has started.");
        if (string.IsNullOrWhiteSpace(text)) throw new RuleBrokenException("Write the notes from the meeting.");
        if (text.Length > MaxNotesLength) throw new RuleBrokenException("The notes may be at most {0} characters.", MaxNotesLength);
        var entry = Case.WriteJournal(DateOnly.FromDateTime(LocalStart.DateTime), heading + "\n" + text.Trim(), coach, now, null, today);
        Notes = entry;
        Status = ThreePartyMeetingStatus.Held;
        Case.RecordChange();
        return entry;
    }

    public void Cancel(string cancelledBy, DateTimeOffset now)
    {
        if (!IsPlanned) throw new RuleBrokenException("Only a planned meeting can be cancelled.");
        Status = ThreePartyMeetingStatus.Cancelled;
        CancelledAt = now.ToUniversalTime();
        CancelledBy = cancelledBy;
    }
}

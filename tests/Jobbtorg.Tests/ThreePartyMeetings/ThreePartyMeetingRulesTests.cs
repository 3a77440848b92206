using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Jobbtorg.Features.ThreePartyMeetings;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.ThreePartyMeetings;

public class ThreePartyMeetingRulesTests
{
    private static readonly DateOnly Enrolled = new(2024, 4, 22);
    /// <summary>Monday 6 May 2024, 09:00 Stockholm.</summary>
    private static readonly DateTimeOffset Now = CaseBuilder.At(new DateOnly(2024, 5, 6));
    private static readonly Jobbtorg.Features.Access.AppUser Coach = CaseBuilder.Coach();

    private static Case EnrolledCase() => new CaseBuilder().EnrolledOn(Enrolled, Coach).Build();

    private static ThreePartyMeeting Book(Case c, IEnumerable<ThreePartyMeeting> others, DateTimeOffset start, int minutes = 60) =>
        ThreePartyMeeting.Book(c, others, start, minutes, ThreePartyMeetingForm.InPerson, "Jobbtorg Farsta, rum 3", Coach, Now);

    [Fact]
    public void A_meeting_is_planned_in_utc_with_its_end()
    {
        var c = EnrolledCase();
        var meeting = Book(c, [], Now.AddDays(2));

        Assert.Equal(ThreePartyMeetingStatus.Planned, meeting.Status);
        Assert.Equal(TimeSpan.Zero, meeting.StartsAt.Offset);
        Assert.Equal(Now.AddDays(2).AddHours(1), meeting.EndsAt);
        Assert.Equal(new DateTime(2024, 5, 8, 9, 0, 0), meeting.LocalStart.DateTime);
    }

    [Fact]
    public void The_same_case_cannot_have_two_planned_meetings_at_overlapping_times()
    {
        var c = EnrolledCase();
        var first = Book(c, [], Now.AddDays(2));

        var clash = Assert.Throws<RuleBrokenException>(() => Book(c, [first], Now.AddDays(2).AddMinutes(30)));
        Assert.Equal("The case already has a three-party meeting at that time ({0}).", clash.Template);
        // Back to back is fine, and a cancelled meeting holds no time.
        Book(c, [first], Now.AddDays(2).AddHours(1));
        first.Cancel("Kim Coach", Now);
        Book(c, [first], Now.AddDays(2));
    }

    [Fact]
    public void A_meeting_is_booked_ahead_on_an_open_enrolled_case_and_lasts_a_sensible_time()
    {
        Assert.Throws<RuleBrokenException>(() => Book(EnrolledCase(), [], Now.AddMinutes(-1)));
        Assert.Throws<RuleBrokenException>(() => Book(EnrolledCase(), [], Now.AddDays(1), minutes: 5));
        Assert.Throws<RuleBrokenException>(() => Book(EnrolledCase(), [], Now.AddDays(1), minutes: 600));
        Assert.Throws<RuleBrokenException>(() => Book(new CaseBuilder().Build(), [], Now.AddDays(1)));
        var closed = new CaseBuilder().EnrolledOn(Enrolled, Coach).ClosedOn(new DateOnly(2024, 5, 2)).Build();
        Assert.Throws<RuleBrokenException>(() => Book(closed, [], Now.AddDays(1)));
    }

    [Fact]
    public void Notes_after_the_meeting_become_a_signed_journal_note_dated_the_meeting_day_and_the_meeting_is_held()
    {
        var c = EnrolledCase();
        var meeting = Book(c, [], Now.AddHours(2));
        var later = Now.AddDays(1);

        Assert.Throws<RuleBrokenException>(() => meeting.RecordNotes("För tidigt", "Trepartssamtal", Coach, Now.AddHours(1), DateOnly.FromDateTime(Now.DateTime)));
        var note = meeting.RecordNotes("Överens om praktik i maj.", "Trepartssamtal 2024-05-06 11:00:", Coach, later, new DateOnly(2024, 5, 7));

        Assert.Equal(ThreePartyMeetingStatus.Held, meeting.Status);
        Assert.Same(note, meeting.Notes);
        Assert.Contains(note, c.Journal);
        Assert.Equal(new DateOnly(2024, 5, 6), note.EventDate);
        Assert.Equal(Coach.DisplayName, note.AuthorName);
        Assert.Equal(later, note.WrittenAt);
        Assert.Equal("Trepartssamtal 2024-05-06 11:00:\nÖverens om praktik i maj.", note.Text);
        // Held is final: no second set of notes, no cancellation.
        Assert.Throws<RuleBrokenException>(() => meeting.RecordNotes("Igen", "x", Coach, later, new DateOnly(2024, 5, 7)));
        Assert.Throws<RuleBrokenException>(() => meeting.Cancel("Kim Coach", later));
    }

    [Fact]
    public void Booking_and_notes_change_the_case_version_so_that_simultaneous_changes_cannot_both_be_saved()
    {
        var c = EnrolledCase();
        var before = c.Version;
        Book(c, [], Now.AddDays(1));
        Assert.Equal(before + 1, c.Version);
    }

    [Fact]
    public void The_calendar_file_is_in_stockholm_time_and_names_the_case_number_but_not_the_person()
    {
        var c = EnrolledCase();
        c.District.Name = "Farsta";
        var meeting = Book(c, [], Now.AddDays(2));
        meeting.Id = 7;

        var ics = MeetingInvitation.ToICalendar(meeting, "jobbtorg.stockholm.se", Now);

        Assert.Contains("TZID:Europe/Stockholm", ics);
        Assert.Contains("DTSTART;TZID=Europe/Stockholm:20240508T090000", ics);
        Assert.Contains("DTEND;TZID=Europe/Stockholm:20240508T100000", ics);
        Assert.Contains("UID:trepartssamtal-7@jobbtorg.stockholm.se", ics);
        Assert.Contains(c.CaseRef, ics);
        Assert.Contains("STATUS:CONFIRMED", ics);
        Assert.DoesNotContain(c.Participant.PersonalNumber, ics);
        Assert.DoesNotContain(c.Participant.PersonalNumber[..8], ics);
        Assert.DoesNotContain(c.Participant.LastName!, ics);

        meeting.Cancel("Kim Coach", Now);
        Assert.Contains("STATUS:CANCELLED", MeetingInvitation.ToICalendar(meeting, "jobbtorg.stockholm.se", Now));
    }
}

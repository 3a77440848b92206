using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.Cases;

public class CaseRulesTests
{
    private static readonly DateOnly Today = D("2025-06-02");

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Case Referred(string on = "2024-04-22") => new CaseBuilder().ReferredOn(D(on)).Build();

    private static Case Enrolled(string on = "2024-04-29") => new CaseBuilder().ReferredOn(D("2024-04-22")).EnrolledOn(D(on)).Build();

    // ---- Enrolment ----

    [Fact]
    public void Enrolment_sets_the_status_the_date_and_the_coach()
    {
        var c = Referred();
        var coach = CaseBuilder.Coach("coach-3", "Alex Coach");

        c.Enrol(D("2024-04-29"), coach, personAge: 35, Today);

        Assert.Equal(CaseStatus.Enrolled, c.Status);
        Assert.True(c.IsEnrolled);
        Assert.Equal(D("2024-04-29"), c.EnrolmentDate);
        Assert.Same(coach, c.Coach);
        Assert.Equal("coach-3", c.CoachId);
    }

    [Fact]
    public void Enrolment_on_the_referral_date_is_allowed()
    {
        var c = Referred("2024-04-22");
        c.Enrol(D("2024-04-22"), CaseBuilder.Coach(), 35, Today);
        Assert.Equal(D("2024-04-22"), c.EnrolmentDate);
    }

    [Fact]
    public void Enrolment_before_the_referral_date_is_refused()
    {
        var c = Referred("2024-04-22");
        Assert.Throws<RuleBrokenException>(() => c.Enrol(D("2024-04-21"), CaseBuilder.Coach(), 35, Today));
        Assert.Equal(CaseStatus.Referred, c.Status);
        Assert.Null(c.EnrolmentDate);
    }

    [Fact]
    public void Enrolment_in_the_future_is_refused()
    {
        var c = Referred("2024-04-22");
        Assert.Throws<RuleBrokenException>(() => c.Enrol(D("2024-04-30"), CaseBuilder.Coach(), 35, today: D("2024-04-29")));
        Assert.False(c.IsEnrolled);
    }

    [Fact]
    public void Enrolling_a_case_twice_is_refused()
    {
        var c = Enrolled("2024-04-29");
        Assert.Throws<RuleBrokenException>(() => c.Enrol(D("2024-04-30"), CaseBuilder.Coach(), 35, Today));
        Assert.Equal(D("2024-04-29"), c.EnrolmentDate);
    }

    [Fact]
    public void Enrolment_with_a_coach_from_another_job_centre_is_refused()
    {
        var c = Referred();
        var kistaCoach = CaseBuilder.Coach("coach-k", "Kista Coach", CaseBuilder.KistaJobCentreId);

        Assert.Throws<RuleBrokenException>(() => c.Enrol(D("2024-04-29"), kistaCoach, 35, Today));
        Assert.False(c.IsEnrolled);
        Assert.Null(c.Coach);
    }

    [Fact]
    public void Enrolment_with_a_user_who_works_at_no_job_centre_is_refused()
    {
        var c = Referred();
        var caseWorker = CaseBuilder.Coach("cw-1", "District Case Worker");
        caseWorker.JobCentreId = null;
        Assert.Throws<RuleBrokenException>(() => c.Enrol(D("2024-04-29"), caseWorker, 35, Today));
    }

    // ---- Reporting group, fixed at enrolment ----

    [Fact]
    public void Adult_refugee_target_group_is_reported_as_newly_arrived_refugee()
    {
        var c = new CaseBuilder().WithTargetGroup(TargetGroup.AdultRefugee).AgedOnEnrolment(40).EnrolledOn(D("2024-04-29")).Build();
        Assert.Equal(ReportingGroup.NewlyArrivedRefugee, c.ReportingGroup);
    }

    [Fact]
    public void Newly_arrived_person_is_reported_as_newly_arrived_refugee_even_at_twenty()
    {
        var c = new CaseBuilder().WithTargetGroup(TargetGroup.Youth).NewlyArrived().AgedOnEnrolment(20).EnrolledOn(D("2024-04-29")).Build();
        Assert.Equal(ReportingGroup.NewlyArrivedRefugee, c.ReportingGroup);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    public void Person_aged_sixteen_to_twenty_four_on_the_enrolment_date_is_reported_as_youth(int age)
    {
        var c = new CaseBuilder().AgedOnEnrolment(age).EnrolledOn(D("2024-04-29")).Build();
        Assert.Equal(ReportingGroup.Youth, c.ReportingGroup);
    }

    [Fact]
    public void Person_aged_twenty_five_is_reported_as_other_25_plus()
    {
        var c = new CaseBuilder().WithTargetGroup(TargetGroup.Youth).AgedOnEnrolment(25).EnrolledOn(D("2024-04-29")).Build();
        Assert.Equal(ReportingGroup.Other25Plus, c.ReportingGroup);
    }

    [Fact]
    public void Person_of_unknown_age_is_never_youth()
    {
        var c = new CaseBuilder().WithTargetGroup(TargetGroup.Youth).AgedOnEnrolment(null).EnrolledOn(D("2024-04-29")).Build();
        Assert.Equal(ReportingGroup.Other25Plus, c.ReportingGroup);
    }

    [Fact]
    public void Referred_case_has_no_reporting_group_until_enrolment()
    {
        Assert.Null(Referred().ReportingGroup);
    }

    [Fact]
    public void Reporting_group_stays_as_fixed_at_enrolment_when_the_referral_is_corrected_later()
    {
        var c = new CaseBuilder().AgedOnEnrolment(22).EnrolledOn(D("2024-04-29")).Build();
        c.NewlyArrived = true;
        c.TargetGroup = TargetGroup.AdultRefugee;
        Assert.Equal(ReportingGroup.Youth, c.ReportingGroup);
    }

    // ---- Pause and resume ----

    [Fact]
    public void Pause_sets_the_status_paused_and_resume_sets_it_back_to_enrolled()
    {
        var c = Enrolled("2024-04-29");

        c.Pause(D("2024-05-02"), PauseReason.ParentalLeave, "Parental leave", Today);
        Assert.Equal(CaseStatus.Paused, c.Status);
        Assert.True(c.IsOpen);
        var pause = Assert.Single(c.Pauses);
        Assert.Same(pause, c.OpenPause);
        Assert.Equal(D("2024-05-02"), pause.PausedOn);
        Assert.Equal(PauseReason.ParentalLeave, pause.Reason);

        c.Resume(D("2024-05-13"), Today);
        Assert.Equal(CaseStatus.Enrolled, c.Status);
        Assert.Null(c.OpenPause);
        Assert.Equal(D("2024-05-13"), pause.ResumedOn);
    }

    [Fact]
    public void Pausing_a_case_that_is_not_enrolled_is_refused()
    {
        var c = Referred();
        Assert.Throws<RuleBrokenException>(() => c.Pause(D("2024-04-29"), PauseReason.Sickness, null, Today));
        Assert.Empty(c.Pauses);
        Assert.Equal(CaseStatus.Referred, c.Status);
    }

    [Fact]
    public void Pausing_a_paused_case_again_is_refused()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-05-02")).Build();
        Assert.Throws<RuleBrokenException>(() => c.Pause(D("2024-05-06"), PauseReason.Other, null, Today));
        Assert.Single(c.Pauses);
    }

    [Fact]
    public void Pause_before_the_enrolment_date_is_refused()
    {
        var c = Enrolled("2024-04-29");
        Assert.Throws<RuleBrokenException>(() => c.Pause(D("2024-04-26"), PauseReason.Sickness, null, Today));
    }

    [Fact]
    public void Pause_in_the_future_is_refused()
    {
        var c = Enrolled("2024-04-29");
        Assert.Throws<RuleBrokenException>(() => c.Pause(D("2024-05-03"), PauseReason.Sickness, null, today: D("2024-05-02")));
    }

    [Fact]
    public void Resuming_a_case_that_is_not_paused_is_refused()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-05-02")).ResumedOn(D("2024-05-06")).Build();
        Assert.Throws<RuleBrokenException>(() => c.Resume(D("2024-05-07"), Today));
        Assert.Equal(D("2024-05-06"), Assert.Single(c.Pauses).ResumedOn);
    }

    [Fact]
    public void Resume_before_the_pause_date_is_refused()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-05-02")).Build();
        Assert.Throws<RuleBrokenException>(() => c.Resume(D("2024-05-01"), Today));
        Assert.Equal(CaseStatus.Paused, c.Status);
    }

    [Fact]
    public void Resume_in_the_future_is_refused()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-05-02")).Build();
        Assert.Throws<RuleBrokenException>(() => c.Resume(D("2024-05-07"), today: D("2024-05-06")));
    }

    [Fact]
    public void Resume_on_the_pause_date_is_allowed_and_leaves_a_pause_of_no_days()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-05-02")).Build();

        c.Resume(D("2024-05-02"), Today);

        Assert.Equal(CaseStatus.Enrolled, c.Status);
        Assert.Equal(D("2024-05-02"), Assert.Single(c.Pauses).ResumedOn);
        Assert.Equal(D("2024-05-07"), c.JobGuaranteeDeadline);  // a pause of no days moves nothing
    }

    [Fact]
    public void New_pause_starting_before_the_previous_pause_was_resumed_is_refused()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-05-02")).ResumedOn(D("2024-05-13")).Build();
        Assert.Throws<RuleBrokenException>(() => c.Pause(D("2024-05-10"), PauseReason.Sickness, null, Today));
        Assert.Single(c.Pauses);
    }

    [Fact]
    public void New_pause_may_start_on_the_day_the_previous_one_was_resumed()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-05-02")).ResumedOn(D("2024-05-13")).Build();
        c.Pause(D("2024-05-13"), PauseReason.Other, null, Today);
        Assert.Equal(2, c.Pauses.Count);
        Assert.Equal(CaseStatus.Paused, c.Status);
    }

    // ---- Closure ----

    [Theory]
    [InlineData(ClosureSubReason.Unsubsidised)]
    [InlineData(ClosureSubReason.Subsidised)]
    public void Closure_to_work_is_accepted_with_a_work_sub_reason(ClosureSubReason subReason)
    {
        var c = Enrolled();
        c.Close(D("2024-09-02"), ClosureReason.Work, subReason, "Got a job", "Kim Coach", Today);

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.False(c.IsOpen);
        Assert.Equal(D("2024-09-02"), c.ClosureDate);
        Assert.Equal(ClosureReason.Work, c.ClosureReason);
        Assert.Equal(subReason, c.ClosureSubReason);
        Assert.Equal("Kim Coach", c.ClosedBy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ClosureSubReason.Moved)]
    [InlineData(ClosureSubReason.Other)]
    public void Closure_to_work_without_unsubsidised_or_subsidised_is_refused(ClosureSubReason? subReason)
    {
        var c = Enrolled();
        Assert.Throws<RuleBrokenException>(() => c.Close(D("2024-09-02"), ClosureReason.Work, subReason, null, "Kim Coach", Today));
        Assert.True(c.IsOpen);
    }

    [Theory]
    [InlineData(ClosureSubReason.NotInTargetGroup)]
    [InlineData(ClosureSubReason.NoLongerOnBenefit)]
    [InlineData(ClosureSubReason.SelfSupportingOtherwise)]
    [InlineData(ClosureSubReason.Moved)]
    [InlineData(ClosureSubReason.Other)]
    public void Closure_for_other_reasons_is_accepted_with_each_of_its_five_sub_reasons(ClosureSubReason subReason)
    {
        var c = Enrolled();
        c.Close(D("2024-09-02"), ClosureReason.Other, subReason, null, "Kim Coach", Today);
        Assert.Equal(subReason, c.ClosureSubReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ClosureSubReason.Unsubsidised)]
    [InlineData(ClosureSubReason.Subsidised)]
    public void Closure_for_other_reasons_without_one_of_its_sub_reasons_is_refused(ClosureSubReason? subReason)
    {
        var c = Enrolled();
        Assert.Throws<RuleBrokenException>(() => c.Close(D("2024-09-02"), ClosureReason.Other, subReason, null, "Kim Coach", Today));
        Assert.True(c.IsOpen);
    }

    [Theory]
    [InlineData(ClosureReason.Studies)]
    [InlineData(ClosureReason.EmploymentProgramme)]
    [InlineData(ClosureReason.Unknown)]
    public void Closure_reason_without_sub_reasons_is_accepted_alone(ClosureReason reason)
    {
        var c = Enrolled();
        c.Close(D("2024-09-02"), reason, null, null, "Kim Coach", Today);
        Assert.Equal(reason, c.ClosureReason);
        Assert.Null(c.ClosureSubReason);
    }

    [Fact]
    public void Closure_to_studies_with_a_sub_reason_is_refused()
    {
        var c = Enrolled();
        Assert.Throws<RuleBrokenException>(() =>
            c.Close(D("2024-09-02"), ClosureReason.Studies, ClosureSubReason.Unsubsidised, null, "Kim Coach", Today));
        Assert.True(c.IsOpen);
    }

    [Fact]
    public void Closure_before_the_enrolment_date_is_refused_even_when_after_the_referral()
    {
        var c = new CaseBuilder().ReferredOn(D("2024-04-22")).EnrolledOn(D("2024-04-29")).Build();
        Assert.Throws<RuleBrokenException>(() => c.Close(D("2024-04-26"), ClosureReason.Unknown, null, null, "Kim Coach", Today));
        c.Close(D("2024-04-29"), ClosureReason.Unknown, null, null, "Kim Coach", Today);
        Assert.Equal(D("2024-04-29"), c.ClosureDate);
    }

    [Fact]
    public void Closure_before_an_open_pause_started_is_refused_and_a_closure_ends_the_pause()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-05-06")).Build();
        Assert.Throws<RuleBrokenException>(() => c.Close(D("2024-05-03"), ClosureReason.Unknown, null, null, "Kim Coach", Today));
        c.Close(D("2024-05-08"), ClosureReason.Unknown, null, null, "Kim Coach", Today);
        Assert.Equal(D("2024-05-08"), Assert.Single(c.Pauses).ResumedOn);
    }

    [Fact]
    public void Closure_of_a_referral_before_its_referral_date_is_refused()
    {
        var c = Referred("2024-04-22");
        Assert.Throws<RuleBrokenException>(() =>
            c.Close(D("2024-04-19"), ClosureReason.Other, ClosureSubReason.NotInTargetGroup, null, "Kim Coach", Today));
        c.Close(D("2024-04-22"), ClosureReason.Other, ClosureSubReason.NotInTargetGroup, null, "Kim Coach", Today);
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.False(c.IsEnrolled);
    }

    [Fact]
    public void Closure_in_the_future_is_refused()
    {
        var c = Enrolled("2024-04-29");
        Assert.Throws<RuleBrokenException>(() =>
            c.Close(D("2024-05-10"), ClosureReason.Unknown, null, null, "Kim Coach", today: D("2024-05-09")));
        Assert.True(c.IsOpen);
    }

    [Fact]
    public void Closing_a_paused_case_ends_the_open_pause_on_the_closure_date()
    {
        var c = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-05-02")).Build();

        c.Close(D("2024-06-03"), ClosureReason.Studies, null, null, "Kim Coach", Today);

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Null(c.OpenPause);
        Assert.Equal(D("2024-06-03"), Assert.Single(c.Pauses).ResumedOn);
    }

    [Fact]
    public void Closure_frees_the_person_for_a_new_case()
    {
        var c = Enrolled();
        // While open the case holds the person through OpenParticipant (saving fills OpenParticipantId from it).
        Assert.Same(c.Participant, c.OpenParticipant);

        c.Close(D("2024-09-02"), ClosureReason.Unknown, null, null, "Kim Coach", Today);

        Assert.Null(c.OpenParticipantId);
        Assert.Null(c.OpenParticipant);
        Assert.NotNull(c.Participant);
    }

    public static TheoryData<string, Action<Case>> ChangesToAClosedCase => new()
    {
        { "enrol", c => c.Enrol(D("2024-05-06"), CaseBuilder.Coach(), 35, Today) },
        { "assign a coach", c => c.AssignCoach(CaseBuilder.Coach("coach-2", "Other Coach")) },
        { "pause", c => c.Pause(D("2024-09-03"), PauseReason.Sickness, null, Today) },
        { "resume", c => c.Resume(D("2024-09-03"), Today) },
        { "start a plan", c => c.StartPlanVersion("Kim Coach", CaseBuilder.At(D("2024-09-03"))) },
        { "agree a plan", c => c.AgreePlan(D("2024-09-03"), "Kim Coach", Today) },
        { "write a note", c => c.WriteJournal(D("2024-09-03"), "Called the participant.", CaseBuilder.Coach(), CaseBuilder.At(D("2024-09-03")), null, Today) },
        { "close again", c => c.Close(D("2024-09-03"), ClosureReason.Unknown, null, null, "Kim Coach", Today) },
    };

    [Theory]
    [MemberData(nameof(ChangesToAClosedCase))]
    public void Closed_case_refuses_every_change(string change, Action<Case> act)
    {
        var referredOnly = new CaseBuilder().ClosedOn(D("2024-04-29"), ClosureReason.Other, ClosureSubReason.Moved).Build();
        var enrolled = new CaseBuilder().EnrolledOn(D("2024-04-29")).ClosedOn(D("2024-09-02"), ClosureReason.Studies).Build();
        var pausedThenClosed = new CaseBuilder().EnrolledOn(D("2024-04-29")).PausedOn(D("2024-08-01")).ClosedOn(D("2024-09-02")).Build();

        foreach (var c in new[] { referredOnly, enrolled, pausedThenClosed })
        {
            var version = c.Version;
            var ex = Assert.Throws<RuleBrokenException>(() => act(c));
            Assert.True(ex.Message.Contains("closed", StringComparison.Ordinal), $"{change}: {ex.Message}");
            Assert.Equal(CaseStatus.Closed, c.Status);
            Assert.Equal(version, c.Version);
        }
    }

    // ---- Journal ----

    [Fact]
    public void Note_is_written_dated_signed_and_trimmed()
    {
        var c = Enrolled();
        var author = CaseBuilder.Coach("coach-17", "Kim Coach");

        var note = c.WriteJournal(D("2024-05-02"), "  First meeting held.  ", author, CaseBuilder.At(D("2024-05-02")), null, Today);

        Assert.Same(note, Assert.Single(c.Journal));
        Assert.Equal("First meeting held.", note.Text);
        Assert.Equal(D("2024-05-02"), note.EventDate);
        Assert.Equal("coach-17", note.AuthorId);
        Assert.Equal("Kim Coach", note.AuthorName);
        Assert.Null(note.CorrectsEntryId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Note_without_text_is_refused(string text)
    {
        var c = Enrolled();
        Assert.Throws<RuleBrokenException>(() => c.WriteJournal(D("2024-05-02"), text, CaseBuilder.Coach(), CaseBuilder.At(D("2024-05-02")), null, Today));
        Assert.Empty(c.Journal);
    }

    [Fact]
    public void Note_dated_in_the_future_is_refused()
    {
        var c = Enrolled();
        Assert.Throws<RuleBrokenException>(() =>
            c.WriteJournal(D("2024-05-03"), "Planned call.", CaseBuilder.Coach(), CaseBuilder.At(D("2024-05-02")), null, today: D("2024-05-02")));
        Assert.Empty(c.Journal);
    }

    [Fact]
    public void Correction_is_a_new_note_that_points_at_the_original_which_stays_unchanged()
    {
        var c = new CaseBuilder().WithId(7).EnrolledOn(D("2024-04-29")).Build();
        var original = c.WriteJournal(D("2024-05-02"), "Met on Tuesday.", CaseBuilder.Coach(), CaseBuilder.At(D("2024-05-02")), null, Today);
        // What saving does: the note gets its id and its case's id.
        original.Id = 41;
        original.CaseId = c.Id;

        var correction = c.WriteJournal(D("2024-05-02"), "Correction: we met on Thursday.", CaseBuilder.Coach(),
            CaseBuilder.At(D("2024-05-03")), original, Today);

        Assert.Equal(2, c.Journal.Count);
        Assert.NotSame(original, correction);
        Assert.Equal(41, correction.CorrectsEntryId);
        Assert.Equal("Met on Tuesday.", original.Text);
        Assert.Null(original.CorrectsEntryId);
        Assert.Contains(original, c.Journal);
    }

    [Fact]
    public void Correction_of_a_note_in_another_case_is_refused()
    {
        var c = new CaseBuilder().WithId(7).EnrolledOn(D("2024-04-29")).Build();
        var elsewhere = new JournalEntry
        {
            Id = 99, CaseId = 8, EventDate = D("2024-05-02"), Text = "Another person's note.", AuthorId = "coach-17", AuthorName = "Kim Coach",
        };

        Assert.Throws<RuleBrokenException>(() =>
            c.WriteJournal(D("2024-05-02"), "Correction.", CaseBuilder.Coach(), CaseBuilder.At(D("2024-05-02")), elsewhere, Today));
        Assert.Empty(c.Journal);
    }
}

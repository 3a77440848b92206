using Jobbtorg.Features.Assessments;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.Assessments;

/// <summary>How a new plan starts from the signed assessments: its goal occupation and the activities suggested, each
/// with why.</summary>
public class PlanFromAssessmentTests
{
    private static PlanStart Start(Availability availability, NeedCategory need, params (string Key, string Value)[] answers) =>
        PlanFromAssessment.From(answers.ToDictionary(a => a.Key, a => a.Value), availability, need);

    private static string[] Codes(PlanStart start) => [.. start.Activities.Select(a => a.ActivityTypeCode)];

    [Fact]
    public void The_goal_is_the_persons_own_goal_occupation_before_their_experience()
    {
        var start = Start(Availability.Available, NeedCategory.Standard, ("goal_occupation", "5321"), ("experienced_occupation", "5223"));

        Assert.Equal("5321", start.GoalSsykCode);
        Assert.Equal("Från bedömningen: personens eget mål.", start.GoalReason!.Sv);
    }

    [Fact]
    public void Without_a_goal_occupation_the_goal_is_the_occupation_the_person_has_worked_in()
    {
        var start = Start(Availability.Available, NeedCategory.Standard, ("experienced_occupation", "5223"));

        Assert.Equal("5223", start.GoalSsykCode);
        Assert.Contains("arbetslivserfarenhet", start.GoalReason!.Sv);
    }

    [Fact]
    public void Without_any_occupation_there_is_no_goal_to_start_from()
    {
        var start = Start(Availability.Available, NeedCategory.Standard, ("own_goal", "Jobba med barn"));

        Assert.Null(start.GoalSsykCode);
        Assert.Null(start.GoalReason);
    }

    [Theory]
    [InlineData("none", "svenska ingen")]
    [InlineData("A1", "svenska A1")]
    [InlineData("A2", "svenska A2")]
    public void Weak_swedish_suggests_sfi_and_says_the_level(string level, string said)
    {
        var start = Start(Availability.PartlyAvailable, NeedCategory.SpeciallyAdapted, ("swedish_level", level));

        var sfi = Assert.Single(start.Activities);
        Assert.Equal("sfi", sfi.ActivityTypeCode);
        Assert.Equal($"Från bedömningen: {said}.", sfi.Reason.Sv);
    }

    [Theory]
    [InlineData("B1")]
    [InlineData("C1")]
    [InlineData("native")]
    public void Swedish_from_b1_up_suggests_no_sfi(string level) =>
        Assert.DoesNotContain("sfi", Codes(Start(Availability.Available, NeedCategory.Standard, ("swedish_level", level))));

    [Fact]
    public void An_sfi_course_under_way_is_continued_on_the_same_course()
    {
        var start = Start(Availability.PartlyAvailable, NeedCategory.SpeciallyAdapted, ("swedish_level", "B1"), ("sfi_course", "C"));

        var sfi = Assert.Single(start.Activities);
        Assert.Equal("sfi", sfi.ActivityTypeCode);
        Assert.Contains("kurs C", sfi.Reason.Sv);
        Assert.Contains("course C", sfi.Reason.En);
    }

    [Fact]
    public void Finished_sfi_suggests_no_more_sfi_even_with_weak_swedish() =>
        Assert.DoesNotContain("sfi", Codes(Start(Availability.Available, NeedCategory.Standard, ("swedish_level", "A2"), ("sfi_course", "done"))));

    [Fact]
    public void An_education_from_abroad_that_is_not_recognised_suggests_validation()
    {
        Assert.Contains("validation", Codes(Start(Availability.Available, NeedCategory.Standard, ("education_recognised", "not_recognised"))));
        Assert.DoesNotContain("validation", Codes(Start(Availability.Available, NeedCategory.Standard, ("education_recognised", "recognised"))));
    }

    [Theory]
    [InlineData("10", true)]
    [InlineData("20", true)]
    [InlineData("31", false)]
    [InlineData("33", false)]
    [InlineData("52", false)]
    public void Study_guidance_is_suggested_without_a_completed_upper_secondary_education(string sun, bool suggested) =>
        Assert.Equal(suggested, Codes(Start(Availability.Available, NeedCategory.Standard, ("education_level", sun))).Contains("study-guidance"));

    [Fact]
    public void A_situational_need_suggests_an_internship_and_not_ordinary_matching()
    {
        var codes = Codes(Start(Availability.PartlyAvailable, NeedCategory.Situational));

        Assert.Equal(["internship"], codes);
    }

    [Fact]
    public void A_standard_need_suggests_active_job_search_and_matching_to_an_employer() =>
        Assert.Equal(["active-job-search", "employer-matching"], Codes(Start(Availability.Available, NeedCategory.Standard)));

    [Fact]
    public void Not_available_suggests_no_activities_but_keeps_the_goal_and_says_so()
    {
        var start = Start(Availability.NotAvailable, NeedCategory.SpeciallyAdapted, ("swedish_level", "A1"), ("experienced_occupation", "5223"));

        Assert.True(start.NotAvailable);
        Assert.Empty(start.Activities);
        Assert.Equal("5223", start.GoalSsykCode);
    }

    [Fact]
    public void Every_suggested_hours_a_week_can_be_planned()
    {
        var start = Start(Availability.Available, NeedCategory.Standard, ("swedish_level", "A2"), ("education_recognised", "not_recognised"),
            ("education_level", "20"));

        Assert.All(start.Activities, a => Assert.InRange(a.HoursPerWeek, 0.5m, 40m));
        Assert.All(start.Activities, a => Assert.StartsWith("Från bedömningen: ", a.Reason.Sv));
        Assert.All(start.Activities, a => Assert.StartsWith("From the assessment: ", a.Reason.En));
    }

    [Fact]
    public void The_later_in_depth_assessment_wins_over_the_initial_and_gives_the_result()
    {
        var c = new CaseBuilder().Build();
        var referral = c.ReferralDate;
        var initial = Signed(c, Instrument.Initial, referral, Availability.PartlyAvailable, NeedCategory.Situational,
            ("swedish_level", "A1"), ("experienced_occupation", "5223"));
        var inDepth = Signed(c, Instrument.InDepth, referral.AddDays(7), Availability.Available, NeedCategory.Standard,
            ("swedish_level", "B2"), ("sfi_course", "done"), ("goal_occupation", "5321"));

        var start = PlanFromAssessment.From([inDepth, initial]);

        Assert.Equal("5321", start.GoalSsykCode);
        Assert.DoesNotContain("sfi", Codes(start));
        Assert.Equal(["active-job-search", "employer-matching"], Codes(start));
        Assert.Equal(referral.AddDays(7), start.AssessedOn);
    }

    [Fact]
    public void A_draft_is_not_started_from()
    {
        var c = new CaseBuilder().Build();
        var draft = Assessment.Begin(c, Version(Instrument.Initial), "Kim Coach", false, DateTimeOffset.UnixEpoch);
        draft.SaveAnswers(new Dictionary<string, string> { ["experienced_occupation"] = "5223" }, DateTimeOffset.UnixEpoch);

        Assert.True(PlanFromAssessment.From([draft]).IsEmpty);
    }

    private static InstrumentVersion Version(Instrument instrument) => new()
    {
        Id = (int)instrument + 1, Instrument = instrument, Version = 1, PublishedBy = InstrumentSeeds.SeededBy,
        Definition = InstrumentSeeds.Shipped(instrument).ToJson(),
    };

    private static Assessment Signed(Jobbtorg.Features.Cases.Case c, Instrument instrument, DateOnly day, Availability availability,
        NeedCategory need, params (string Key, string Value)[] answers)
    {
        var version = Version(instrument);
        var a = Assessment.Begin(c, version, "Kim Coach", false, DateTimeOffset.UnixEpoch);
        var map = answers.ToDictionary(x => x.Key, x => x.Value);
        a.SaveAnswers(map, DateTimeOffset.UnixEpoch);
        var suggestion = version.Parsed.Suggest(map);
        var reason = availability == suggestion.Availability && need == suggestion.NeedCategory ? null : "Samtal med personen";
        a.Sign(day, day.AddDays(30), availability, need, reason, suggestion, null, "Kim Coach", DateTimeOffset.UnixEpoch);
        return a;
    }
}

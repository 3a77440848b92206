using Jobbtorg.Features.Assessments;

namespace Jobbtorg.Tests.Assessments;

/// <summary>What the shipped instruments' rules suggest for typical answers, and why.</summary>
public sealed class SuggestionTests
{
    private static readonly InstrumentDefinition Initial = InstrumentSeeds.Shipped(Instrument.Initial);
    private static readonly InstrumentDefinition InDepth = InstrumentSeeds.Shipped(Instrument.InDepth);

    private static readonly Dictionary<string, string> Ready = new()
    {
        ["work_status_now"] = "unemployed", ["last_worked"] = "within_1y", ["education_level"] = "31", ["swedish_level"] = "native",
        ["health_limits"] = "none", ["hours_available"] = "40", ["care_responsibility"] = "none", ["start_when"] = "now",
        ["digital_skills"] = "good", ["job_search_confidence"] = "4", ["driving_licence"] = "b",
    };

    private static Dictionary<string, string> ReadyWith(params (string Key, string Value)[] changes)
    {
        var answers = new Dictionary<string, string>(Ready);
        foreach (var (k, v) in changes) answers[k] = v;
        return answers;
    }

    [Fact]
    public void A_person_ready_for_work_is_suggested_available_with_standard_support_and_no_reasons()
    {
        var s = Initial.Suggest(Ready);
        Assert.Equal((Availability.Available, NeedCategory.Standard), (s.Availability, s.NeedCategory));
        Assert.Empty(s.Reasons);
    }

    [Fact]
    public void Sick_leave_is_suggested_not_available_with_specially_adapted_support_and_says_why()
    {
        var s = Initial.Suggest(ReadyWith(("work_status_now", "sick_leave")));
        Assert.Equal((Availability.NotAvailable, NeedCategory.SpeciallyAdapted), (s.Availability, s.NeedCategory));
        Assert.Contains("sjukskriven", Assert.Single(s.Reasons).Sv);
    }

    [Fact]
    public void Several_rules_give_the_furthest_availability_the_highest_need_and_every_reason_in_order()
    {
        var s = Initial.Suggest(ReadyWith(("care_responsibility", "hinders"), ("swedish_level", "A2"), ("hours_available", "5")));
        Assert.Equal((Availability.NotAvailable, NeedCategory.SpeciallyAdapted), (s.Availability, s.NeedCategory));
        Assert.Equal(3, s.Reasons.Count);
        Assert.Equal(Initial.Rules.Where(r => s.Reasons.Contains(r.Reason)).Select(r => r.Reason), s.Reasons);
    }

    [Theory]
    [InlineData("9", Availability.NotAvailable)]
    [InlineData("10", Availability.PartlyAvailable)]
    [InlineData("29", Availability.PartlyAvailable)]
    [InlineData("30", Availability.Available)]
    public void The_hours_a_week_decide_availability_at_the_edges(string hours, Availability expected) =>
        Assert.Equal(expected, Initial.Suggest(ReadyWith(("hours_available", hours))).Availability);

    [Fact]
    public void An_unanswered_question_meets_no_condition()
    {
        var answers = ReadyWith();
        answers.Remove("hours_available");
        answers["health_limits"] = "";
        var s = Initial.Suggest(answers);
        Assert.Equal((Availability.Available, NeedCategory.Standard), (s.Availability, s.NeedCategory));
    }

    [Fact]
    public void A_long_term_health_limit_in_depth_is_suggested_long_term_adapted_support()
    {
        var s = InDepth.Suggest(new Dictionary<string, string> { ["health_limits"] = "long_term", ["work_capacity_percent"] = "50" });
        Assert.Equal((Availability.NotAvailable, NeedCategory.LongTermAdapted), (s.Availability, s.NeedCategory));
        Assert.Equal(2, s.Reasons.Count);
    }

    [Theory]
    [InlineData("ar:A1", true)]
    [InlineData("ar:A2", true)]
    [InlineData("ar:B1", false)]
    [InlineData("ar:Native", false)]
    [InlineData("not a language", false)]
    public void A_rule_on_a_language_answer_compares_its_level(string answer, bool applies)
    {
        var definition = InDepth with
        {
            Rules =
            [
                new SuggestionRule([new AnswerCondition("other_language", In: ["A1", "A2"])], new LocalText("Svagt språk.", "Weak language."),
                    NeedCategory: NeedCategory.Situational),
            ],
        };
        var s = definition.Suggest(new Dictionary<string, string> { ["other_language"] = answer });
        Assert.Equal(applies ? NeedCategory.Situational : NeedCategory.Standard, s.NeedCategory);
    }

    [Fact]
    public void Low_confidence_in_depth_asks_for_situational_support_in_the_spirit_of_motivational_interviewing()
    {
        var s = InDepth.Suggest(new Dictionary<string, string> { ["motivation_confidence"] = "2", ["motivation_importance"] = "9" });
        Assert.Equal((Availability.Available, NeedCategory.Situational), (s.Availability, s.NeedCategory));
    }
}

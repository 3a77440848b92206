using System.Text.Json.Nodes;
using Jobbtorg.Features.Assessments;

namespace Jobbtorg.Tests.Assessments;

/// <summary>Checking an instrument's definition before it is published: the shipped instruments pass; each kind of mistake
/// is named by where it is in the JSON.</summary>
public sealed class InstrumentCheckTests
{
    private static JsonObject Shipped(Instrument instrument) => JsonNode.Parse(InstrumentSeeds.Shipped(instrument).ToJson())!.AsObject();

    private static IReadOnlyList<string> ProblemsOf(JsonObject definition) =>
        InstrumentCheck.Read(definition.ToJsonString()).Problems.Select(p => p.Field).ToList();

    private static int IndexOf(JsonObject definition, string key) =>
        definition["questions"]!.AsArray().Select((q, i) => (q, i)).Single(x => (string)x.q!["key"]! == key).i;

    [Theory]
    [InlineData(Instrument.Initial)]
    [InlineData(Instrument.InDepth)]
    public void The_shipped_instruments_have_no_problems(Instrument instrument)
    {
        var (definition, problems) = InstrumentCheck.Read(InstrumentSeeds.Shipped(instrument).ToJson());
        Assert.Empty(problems.Select(p => $"{p.Field}: {string.Format(p.Template, p.Args)}"));
        Assert.NotNull(definition);
    }

    [Fact]
    public void The_initial_instrument_is_short_enough_for_a_quarter_of_an_hour_and_the_in_depth_one_covers_the_required_ground()
    {
        Assert.InRange(InstrumentSeeds.Shipped(Instrument.Initial).Questions.Count, 10, 15);
        var inDepth = InstrumentSeeds.Shipped(Instrument.InDepth);
        foreach (var key in new[] { "swedish_level", "sfi_course", "education_level", "experienced_occupation", "health_own_words",
                     "care_responsibility", "digital_skills", "driving_licence", "housing", "own_goal", "motivation_importance" })
            Assert.NotNull(inDepth.Find(key));
        Assert.All(inDepth.Questions.Concat(InstrumentSeeds.Shipped(Instrument.Initial).Questions),
            q => Assert.False(string.IsNullOrWhiteSpace(q.Text.Sv) || string.IsNullOrWhiteSpace(q.Text.En)));
    }

    [Fact]
    public void A_key_used_twice_is_named_at_the_second_question()
    {
        var d = Shipped(Instrument.Initial);
        d["questions"]![1]!["key"] = "work_status_now";
        Assert.Contains("questions[1].key", ProblemsOf(d));
    }

    [Theory]
    [InlineData("Work status")]
    [InlineData("1st")]
    [InlineData("")]
    [InlineData("a_key_that_is_far_too_long_to_be_a_sensible_key")]
    public void A_key_outside_the_safe_pattern_is_refused(string key)
    {
        var d = Shipped(Instrument.Initial);
        d["questions"]![2]!["key"] = key;
        Assert.Contains("questions[2].key", ProblemsOf(d));
    }

    [Fact]
    public void A_text_missing_its_english_is_named_by_language()
    {
        var d = Shipped(Instrument.Initial);
        d["questions"]![3]!["text"]!["en"] = " ";
        Assert.Equal(["questions[3].text.en"], ProblemsOf(d));
    }

    [Fact]
    public void An_option_value_used_twice_is_named_by_its_place()
    {
        var d = Shipped(Instrument.Initial);
        d["questions"]![0]!["options"]![1]!["value"] = "unemployed";
        Assert.Equal(["questions[0].options[1].value"], ProblemsOf(d));
    }

    [Fact]
    public void A_choice_needs_at_least_two_options()
    {
        var d = Shipped(Instrument.Initial);
        var i = IndexOf(d, "driving_licence");
        d["questions"]![i]!["options"] = new JsonArray(new JsonObject { ["value"] = "no", ["text"] = new JsonObject { ["sv"] = "Nej", ["en"] = "No" } });
        Assert.Contains($"questions[{i}].options", ProblemsOf(d));
    }

    [Fact]
    public void A_scale_whose_lowest_value_is_not_below_its_highest_is_refused()
    {
        var d = Shipped(Instrument.Initial);
        var i = IndexOf(d, "job_search_confidence");
        d["questions"]![i]!["min"] = 5;
        Assert.Equal([$"questions[{i}].max"], ProblemsOf(d));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4001)]
    public void A_free_text_longer_than_4000_or_shorter_than_1_character_is_refused(int maxLength)
    {
        var d = Shipped(Instrument.Initial);
        var i = IndexOf(d, "own_goal");
        d["questions"]![i]!["maxLength"] = maxLength;
        Assert.Equal([$"questions[{i}].maxLength"], ProblemsOf(d));
    }

    [Fact]
    public void An_instrument_without_questions_is_refused()
    {
        var d = Shipped(Instrument.Initial);
        d["questions"] = new JsonArray();
        Assert.Contains("questions", ProblemsOf(d));
    }

    [Fact]
    public void A_rule_naming_a_question_that_does_not_exist_is_named_at_its_condition()
    {
        var d = Shipped(Instrument.Initial);
        d["rules"]![0]!["when"]![0]!["question"] = "work_status_later";
        Assert.Equal(["rules[0].when[0].question"], ProblemsOf(d));
    }

    [Fact]
    public void A_rule_naming_an_option_the_question_does_not_have_is_named_at_the_value()
    {
        var d = Shipped(Instrument.Initial);
        d["rules"]![0]!["when"]![0]!["in"] = new JsonArray("sick_leave", "holiday");
        Assert.Equal(["rules[0].when[0].in[1]"], ProblemsOf(d));
    }

    [Fact]
    public void A_rule_with_a_bound_outside_the_scale_is_refused()
    {
        var d = Shipped(Instrument.Initial);
        var r = d["rules"]!.AsArray().Select((x, i) => (x, i)).First(x => (string)x.x!["when"]![0]!["question"]! == "hours_available").i;
        d["rules"]![r]!["when"]![0]!["atMost"] = 60;
        Assert.Equal([$"rules[{r}].when[0].atMost"], ProblemsOf(d));
    }

    [Fact]
    public void A_rule_on_a_free_text_answer_is_refused()
    {
        var d = Shipped(Instrument.Initial);
        d["rules"]![0]!["when"] = new JsonArray(new JsonObject { ["question"] = "own_goal", ["in"] = new JsonArray("anything") });
        Assert.Equal(["rules[0].when[0].question"], ProblemsOf(d));
    }

    [Fact]
    public void A_rule_that_names_neither_availability_nor_need_category_is_refused()
    {
        var d = Shipped(Instrument.Initial);
        d["rules"]![0]!.AsObject().Remove("availability");
        d["rules"]![0]!.AsObject().Remove("needCategory");
        Assert.Equal(["rules[0]"], ProblemsOf(d));
    }

    [Fact]
    public void A_rule_without_a_reason_in_swedish_is_refused()
    {
        var d = Shipped(Instrument.Initial);
        d["rules"]![1]!["reason"]!["sv"] = "";
        Assert.Equal(["rules[1].reason.sv"], ProblemsOf(d));
    }

    [Fact]
    public void An_unknown_availability_is_reported_at_its_place_with_the_names_to_choose_from()
    {
        var d = Shipped(Instrument.Initial);
        d["rules"]![2]!["availability"] = "SomewhatAvailable";
        var problem = Assert.Single(InstrumentCheck.Read(d.ToJsonString()).Problems);
        Assert.Equal("rules[2].availability", problem.Field);
        Assert.Contains("Available, PartlyAvailable, NotAvailable", string.Format(problem.Template, problem.Args));
    }

    [Fact]
    public void An_unknown_property_and_broken_json_are_problems_not_crashes()
    {
        var d = Shipped(Instrument.Initial);
        d["questions"]![0]!["colour"] = "blue";
        Assert.Single(ProblemsOf(d));
        Assert.Equal(["definition"], InstrumentCheck.Read("").Problems.Select(p => p.Field));
        Assert.Single(InstrumentCheck.Read("{ \"title\": ").Problems);
    }

    [Fact]
    public void A_rule_on_a_language_level_takes_only_the_levels_there_are()
    {
        var d = Shipped(Instrument.InDepth);
        d["rules"]!.AsArray().Add(new JsonObject
        {
            ["when"] = new JsonArray(new JsonObject { ["question"] = "other_language", ["in"] = new JsonArray("A1", "Z9") }),
            ["reason"] = new JsonObject { ["sv"] = "Svagt språk.", ["en"] = "Weak language." },
            ["needCategory"] = "Situational",
        });
        var at = d["rules"]!.AsArray().Count - 1;
        Assert.Equal([$"rules[{at}].when[0].in[1]"], ProblemsOf(d));
    }
}

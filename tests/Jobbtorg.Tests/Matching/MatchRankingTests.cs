using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Matching;

namespace Jobbtorg.Tests.Matching;

/// <summary>The ranking of people for a vacancy: who is a candidate, in which order, and the reasons given.</summary>
public sealed class MatchRankingTests
{
    // 5321 Undersköterskor; 5322 Skötare (same minor group 532); 5330 Vårdbiträden (same sub-major 53); 4111 an office clerk.
    private static readonly VacancyNeeds Nurse = new("5321", null, null, null, null, null);

    private static MatchProfile Person(int id, Availability? availability = Availability.Available, string[]? goals = null, string[]? experience = null,
        int? years = null, string? swedish = null, LanguageAnswer? other = null, string? licence = null, string? education = null, bool internship = false) =>
        new(id, availability, goals ?? [], experience ?? [], years, swedish, other, licence, education, internship);

    [Fact]
    public void The_same_occupation_ranks_above_a_related_one_above_the_same_field_and_an_unrelated_person_is_no_candidate()
    {
        var people = new[]
        {
            Person(1, goals: ["5330"]), Person(2, goals: ["5322"]), Person(3, experience: ["5321"]), Person(4, goals: ["4111"]), Person(5),
        };
        var ranked = MatchRanking.Order(people.Select(p => MatchRanking.Rank(Nurse, p)).OfType<MatchResult>(), _ => null);

        Assert.Equal([3, 2, 1], ranked.Select(r => r.CaseId));
        Assert.Equal([OccupationNearness.Same, OccupationNearness.Related, OccupationNearness.SameField], ranked.Select(r => r.Nearness));
        Assert.Contains(ranked[0].Reasons, r => r.ToString() == "Experience as 5321: the same occupation.");
        Assert.Contains(ranked[1].Reasons, r => r.ToString() == "Goal occupation 5322: a related occupation.");
    }

    [Fact]
    public void A_person_judged_not_available_is_no_candidate_and_an_unassessed_one_ranks_between_available_and_partly_available()
    {
        Assert.Null(MatchRanking.Rank(Nurse, Person(1, Availability.NotAvailable, goals: ["5321"])));
        var available = MatchRanking.Rank(Nurse, Person(2, Availability.Available, goals: ["5321"]))!;
        var unassessed = MatchRanking.Rank(Nurse, Person(3, null, goals: ["5321"]))!;
        var partly = MatchRanking.Rank(Nurse, Person(4, Availability.PartlyAvailable, goals: ["5321"]))!;
        Assert.True(available.Score > unassessed.Score && unassessed.Score > partly.Score);
        Assert.Contains(unassessed.Gaps, g => g.ToString() == "Not assessed yet: availability not known.");
        Assert.Contains(partly.Reasons, r => r.ToString() == "Partly available for work (assessment).");
    }

    [Fact]
    public void Anyone_may_be_a_candidate_for_an_occupation_of_major_group_nine()
    {
        var warehouse = new VacancyNeeds("9332", null, null, null, null, null);
        var result = MatchRanking.Rank(warehouse, Person(1, goals: ["4111"]));
        Assert.NotNull(result);
        Assert.Equal(OccupationNearness.None, result.Nearness);
        Assert.Contains(result.Reasons, r => r.ToString() == "The occupation asks for a short training or an introduction only.");
    }

    [Fact]
    public void A_requirement_not_met_ranks_a_person_below_everyone_who_meets_them_whatever_the_score()
    {
        var driver = new VacancyNeeds("5321", "sv", "B1", "B", null, null);
        var nearButNoLicence = MatchRanking.Rank(driver, Person(1, goals: ["5321"], experience: ["5321"], swedish: "B2", licence: "no"))!;
        var fartherWithLicence = MatchRanking.Rank(driver, Person(2, goals: ["5330"], swedish: "B1", licence: "b"))!;
        Assert.True(nearButNoLicence.Score > fartherWithLicence.Score);
        Assert.Equal([2, 1], MatchRanking.Order([nearButNoLicence, fartherWithLicence], _ => null).Select(r => r.CaseId));
        Assert.Contains(nearButNoLicence.Gaps, g => g.ToString() == "No driving licence B.");
        Assert.Contains(fartherWithLicence.Reasons, r => r.ToString() == "Language sv at level B1 or better.");
    }

    [Theory]
    [InlineData("sv", "B1", "A2", null, RequirementState.Unmet)]
    [InlineData("sv", "B1", "B1", null, RequirementState.Met)]
    [InlineData("sv", "C2", "C1", null, RequirementState.Met)] // the Swedish question's C1 is C1–C2
    [InlineData("sv", "B1", "none", null, RequirementState.Unmet)]
    [InlineData("sv", "B1", null, null, RequirementState.Unknown)]
    [InlineData("ar", "B2", "B2", "ar:Native", RequirementState.Met)]
    [InlineData("ar", "C1", null, "ar:B1", RequirementState.Unmet)]
    [InlineData("so", "B1", null, "ar:Native", RequirementState.Unknown)]
    public void Language_levels_are_compared_in_the_order_A1_to_native(string code, string level, string? swedish, string? other, RequirementState expected) =>
        Assert.Equal(expected, MatchRanking.Language(code, level, Person(1, swedish: swedish, other: LanguageAnswer.Parse(other))));

    [Theory]
    [InlineData("B", "b", RequirementState.Met)]
    [InlineData("B", "no", RequirementState.Unmet)]
    [InlineData("CE", "b", RequirementState.Unmet)]
    [InlineData("CE", "heavy", RequirementState.Met)]
    [InlineData("A", "heavy", RequirementState.Unknown)]
    [InlineData("B", null, RequirementState.Unknown)]
    public void Driving_licences_follow_the_instruments_answers(string required, string? answer, RequirementState expected) =>
        Assert.Equal(expected, MatchRanking.DrivingLicence(required, answer));

    [Theory]
    [InlineData("31", "33", RequirementState.Met)]
    [InlineData("41", "33", RequirementState.Unmet)]
    [InlineData("31", null, RequirementState.Unknown)]
    public void Education_counts_when_at_the_level_or_above(string required, string? answer, RequirementState expected) =>
        Assert.Equal(expected, MatchRanking.Education(required, answer));

    [Fact]
    public void Years_of_experience_count_only_in_the_same_or_a_related_occupation()
    {
        Assert.Equal(RequirementState.Met, MatchRanking.Experience(2, OccupationNearness.Related, 3));
        Assert.Equal(RequirementState.Unmet, MatchRanking.Experience(2, OccupationNearness.Same, 1));
        Assert.Equal(RequirementState.Unmet, MatchRanking.Experience(2, OccupationNearness.SameField, 10));
        Assert.Equal(RequirementState.Unknown, MatchRanking.Experience(2, OccupationNearness.Same, null));
    }

    [Fact]
    public void An_internship_under_way_counts_a_little_against_and_equal_people_are_ordered_by_the_longest_enrolled()
    {
        var interning = MatchRanking.Rank(Nurse, Person(1, goals: ["5321"], internship: true))!;
        var free = MatchRanking.Rank(Nurse, Person(2, goals: ["5321"]))!;
        Assert.Equal(free.Score + MatchRanking.InInternship, interning.Score);
        Assert.Contains(interning.Gaps, g => g.ToString() == "In an internship now.");

        var enrolled = new Dictionary<int, DateOnly?> { [3] = new DateOnly(2026, 2, 1), [4] = new DateOnly(2025, 11, 1) };
        var same = new[] { MatchRanking.Rank(Nurse, Person(3, goals: ["5321"]))!, MatchRanking.Rank(Nurse, Person(4, goals: ["5321"]))! };
        Assert.Equal([4, 3], MatchRanking.Order(same, id => enrolled[id]).Select(r => r.CaseId));
    }

    [Fact]
    public void A_profile_takes_each_answer_from_the_newest_assessment_that_gives_it_and_the_plan_s_goal_first()
    {
        IReadOnlyDictionary<string, string> newest = new Dictionary<string, string> { ["swedish_level"] = "B2", ["goal_occupation"] = "5330" };
        IReadOnlyDictionary<string, string> older = new Dictionary<string, string>
        {
            ["swedish_level"] = "A2", ["experienced_occupation"] = "5321", ["driving_licence"] = "b", ["health_own_words"] = "text",
        };
        var profile = MatchProfile.From(7, [(Availability.PartlyAvailable, newest), (Availability.Available, older)], planGoal: "5322");

        Assert.Equal(Availability.PartlyAvailable, profile.Availability);
        Assert.Equal(["5322", "5330"], profile.GoalOccupations);
        Assert.Equal(["5321"], profile.ExperiencedOccupations);
        Assert.Equal("B2", profile.SwedishLevel);
        Assert.Equal("b", profile.DrivingLicence);
    }
}

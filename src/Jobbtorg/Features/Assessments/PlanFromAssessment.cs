using System.Globalization;

namespace Jobbtorg.Features.Assessments;

/// <summary>An activity the plan starts with, by its activity type's code, with the hours a week it is planned at and why
/// the assessment suggests it.</summary>
public sealed record SuggestedActivity(string ActivityTypeCode, decimal HoursPerWeek, LocalText Reason);

/// <summary>What a new plan starts from: the goal occupation (an SSYK code) and why, and the suggested activities.
/// <see cref="NotAvailable"/> says that the latest assessment found the person not available for work: a plan with
/// activities will not work then, and no activities are suggested.</summary>
public sealed record PlanStart(
    string? GoalSsykCode,
    LocalText? GoalReason,
    IReadOnlyList<SuggestedActivity> Activities,
    bool NotAvailable,
    DateOnly? AssessedOn,
    DateTimeOffset? SignedAt = null)
{
    public static readonly PlanStart Nothing = new(null, null, [], false, null);
    public bool IsEmpty => GoalSsykCode is null && Activities.Count == 0 && !NotAvailable;
}

/// <summary>
/// How the plan editor starts from the signed assessments: the goal occupation from the person's own goal
/// (<c>goal_occupation</c>) or else their work experience (<c>experienced_occupation</c>), and activities from the answers
/// and the result — SFI when Swedish is weak or an SFI course is under way, validation of a foreign education that is not
/// recognised, study and career guidance without a completed upper-secondary education, an internship for
/// <see cref="NeedCategory.Situational"/>, and active job search with matching for <see cref="NeedCategory.Standard"/>.
/// Each suggestion says why. The coach changes or removes anything before the plan is agreed.
/// </summary>
public static class PlanFromAssessment
{
    /// <summary>SUN 2020 levels below 30 are a pre-upper-secondary education at most.</summary>
    public const int UpperSecondaryLevel = 30;

    private static readonly string[] WeakSwedish = ["none", "A1", "A2"];
    private static readonly string[] SfiCourses = ["A", "B", "C", "D"];

    /// <summary>The plan's start from a case's assessments: the latest signed one of each instrument is read, the later one's
    /// answers winning where both answered the same question, and the result is the latest signed assessment's.</summary>
    public static PlanStart From(IEnumerable<Assessment> assessments)
    {
        var latest = Latest(assessments);
        if (latest.Count == 0) return PlanStart.Nothing;
        var answers = new Dictionary<string, string>();
        foreach (var a in latest) // oldest first: a later assessment's answer replaces an earlier one's
            foreach (var (key, value) in a.AnswerMap) answers[key] = value;
        var result = latest[^1];
        return From(answers, result.Availability ?? Availability.Available, result.NeedCategory ?? NeedCategory.Standard, result.AssessedOn)
            with { SignedAt = latest.Max(a => a.SignedAt) };
    }

    /// <summary>The latest signed assessment of each instrument, the earlier one first.</summary>
    public static List<Assessment> Latest(IEnumerable<Assessment> assessments) =>
        assessments.Where(a => a.IsSigned)
            .GroupBy(a => a.Instrument)
            .Select(g => g.OrderBy(a => a.AssessedOn).ThenBy(a => a.SignedAt).ThenBy(a => a.Id).Last())
            .OrderBy(a => a.AssessedOn).ThenBy(a => a.SignedAt).ThenBy(a => a.Id)
            .ToList();

    public static PlanStart From(IReadOnlyDictionary<string, string> answers, Availability availability, NeedCategory need, DateOnly? assessedOn = null)
    {
        var (goal, goalReason) = Goal(answers);
        if (availability == Availability.NotAvailable) return new PlanStart(goal, goalReason, [], true, assessedOn);

        var activities = new List<SuggestedActivity>();
        var swedish = answers.GetValueOrDefault("swedish_level");
        var sfi = answers.GetValueOrDefault("sfi_course");
        if (sfi is not null && SfiCourses.Contains(sfi))
            activities.Add(new("sfi", 15, new(
                $"Från bedömningen: läser SFI kurs {sfi}" + (swedish is null ? "" : $", svenska {Swedish(swedish).Sv}") + $" – fortsätt på kurs {sfi}.",
                $"From the assessment: studying SFI course {sfi}" + (swedish is null ? "" : $", Swedish {Swedish(swedish).En}") + $" – continue on course {sfi}.")));
        else if (swedish is not null && WeakSwedish.Contains(swedish) && sfi is not ("done" or "not_needed"))
            activities.Add(new("sfi", 15, new(
                $"Från bedömningen: svenska {Swedish(swedish).Sv}.", $"From the assessment: Swedish {Swedish(swedish).En}.")));

        if (answers.GetValueOrDefault("education_recognised") == "not_recognised")
            activities.Add(new("validation", 4, new(
                "Från bedömningen: utbildningen från ett annat land är inte bedömd i Sverige.",
                "From the assessment: the education from another country has not been recognised in Sweden.")));

        if (answers.GetValueOrDefault("education_level") is { } level
            && int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var sun) && sun < UpperSecondaryLevel)
            activities.Add(new("study-guidance", 2, new(
                $"Från bedömningen: ingen avslutad gymnasieutbildning (SUN {level}).",
                $"From the assessment: no completed upper-secondary education (SUN {level}).")));

        if (need == NeedCategory.Situational)
            activities.Add(new("internship", 20, new(
                "Från bedömningen: behovskategori situationsbestämd – en praktik först.",
                "From the assessment: need category situational – an internship first.")));
        if (need == NeedCategory.Standard)
        {
            activities.Add(new("active-job-search", 15, new(
                "Från bedömningen: behovskategori standard – kan ta ett arbete med vanlig matchning.",
                "From the assessment: need category standard – can take a job with ordinary matching.")));
            activities.Add(new("employer-matching", 5, new(
                "Från bedömningen: behovskategori standard – matchning mot arbetsgivare.",
                "From the assessment: need category standard – matching to an employer.")));
        }
        return new PlanStart(goal, goalReason, activities, false, assessedOn);
    }

    private static (string? Code, LocalText? Reason) Goal(IReadOnlyDictionary<string, string> answers)
    {
        if (Ssyk(answers.GetValueOrDefault("goal_occupation")) is { } wished)
            return (wished, new("Från bedömningen: personens eget mål.", "From the assessment: the person's own goal."));
        if (Ssyk(answers.GetValueOrDefault("experienced_occupation")) is { } experienced)
            return (experienced, new("Från bedömningen: personens arbetslivserfarenhet.", "From the assessment: the person's work experience."));
        return (null, null);
    }

    private static string? Ssyk(string? code) => code is { Length: 4 } && code.All(char.IsAsciiDigit) ? code : null;

    private static LocalText Swedish(string level) => level switch
    {
        "none" => new("ingen", "none"),
        "native" => new("modersmål", "native"),
        _ => new(level, level),
    };
}

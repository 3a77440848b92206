using Jobbtorg.Features.Assessments;

namespace Jobbtorg.Features.Matching;

/// <summary>
/// What matching knows of a person: the latest signed assessment's availability and the work-related answers of the
/// signed assessments (occupations, experience, languages, driving licence, education), and the plan's goal occupation.
/// Health, housing and the person's own words are never read for matching.
/// </summary>
public sealed record MatchProfile(
    int CaseId,
    Availability? Availability,
    IReadOnlyList<string> GoalOccupations,
    IReadOnlyList<string> ExperiencedOccupations,
    int? ExperienceYears,
    string? SwedishLevel,
    LanguageAnswer? OtherLanguage,
    string? DrivingLicence,
    string? EducationLevel,
    bool InInternship = false)
{
    /// <summary>The assessment questions matching reads (the instruments' keys).</summary>
    public const string GoalOccupationKey = "goal_occupation", ExperiencedOccupationKey = "experienced_occupation",
        ExperienceYearsKey = "experience_years", SwedishLevelKey = "swedish_level", OtherLanguageKey = "other_language",
        DrivingLicenceKey = "driving_licence", EducationLevelKey = "education_level";

    /// <summary>A profile from a case's signed assessments, newest first: each answer is the newest one given, the
    /// availability the newest assessment's. The plan's goal comes first among the goals.</summary>
    public static MatchProfile From(int caseId, IEnumerable<(Availability? Availability, IReadOnlyDictionary<string, string> Answers)> newestFirst,
        string? planGoal)
    {
        var assessments = newestFirst.ToList();
        string? Answer(string key) => assessments.Select(a => a.Answers.GetValueOrDefault(key)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        var goals = new List<string>();
        if (planGoal is not null) goals.Add(planGoal);
        if (Answer(GoalOccupationKey) is { } goal && !goals.Contains(goal)) goals.Add(goal);
        var experienced = Answer(ExperiencedOccupationKey) is { } e ? new List<string> { e } : [];
        return new MatchProfile(caseId, assessments.Select(a => a.Availability).FirstOrDefault(), goals, experienced,
            int.TryParse(Answer(ExperienceYearsKey), out var years) ? years : null, Answer(SwedishLevelKey),
            LanguageAnswer.Parse(Answer(OtherLanguageKey)), Answer(DrivingLicenceKey), Answer(EducationLevelKey));
    }
}

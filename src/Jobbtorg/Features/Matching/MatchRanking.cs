using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Employers;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Matching;

/// <summary>How near a person's occupation lies to the vacancy's in SSYK 2012: the same unit group (four digits), the same
/// minor group (three: a related occupation) or the same sub-major group (two: the same field).</summary>
public enum OccupationNearness { None, SameField, Related, Same }

/// <summary>Whether the person meets one of the vacancy's requirements; Unknown when the assessments do not say.</summary>
public enum RequirementState { Met, Unknown, Unmet }

/// <summary>What the vacancy asks, as matching reads it.</summary>
public sealed record VacancyNeeds(string OccupationCode, string? LanguageCode, string? LanguageLevel, string? DrivingLicence,
    string? EducationLevel, int? YearsOfExperience)
{
    public static VacancyNeeds Of(Vacancy v) =>
        new(v.OccupationCode, v.LanguageCode, v.LanguageLevel, v.DrivingLicence, v.EducationLevel, v.YearsOfExperience);

    /// <summary>SSYK major group 9, occupations that ask for a short training or an introduction only: anyone may be a
    /// candidate, whatever their own occupations.</summary>
    public bool OpenToAll => OccupationCode.StartsWith('9');
}

/// <summary>One person ranked for one vacancy: the score, and why — what speaks for them and what is missing or not known.</summary>
public sealed record MatchResult(int CaseId, int Score, OccupationNearness Nearness, IReadOnlyList<Message> Reasons,
    IReadOnlyList<Message> Gaps, int Unmet);

/// <summary>
/// The ranking of people for a vacancy, and of vacancies for a person, in one place. A person is a candidate when they
/// are not judged unavailable for work, hold no job already, and their goal or experienced occupation lies in the
/// vacancy's field (any occupation for major group 9). Candidates are ordered by the number of requirements they do not
/// meet (fewest first), then by score: the nearness of the occupation (the same unit group counts most), availability
/// (available before partly available before not yet assessed), each requirement met, and an internship under way
/// counting a little against. The reasons say each of these in words.
/// </summary>
public static class MatchRanking
{
    public const int SameOccupation = 40, RelatedOccupation = 25, SameField = 10, GoalAndExperience = 5;
    public const int Available = 20, NotAssessed = 10, PartlyAvailable = 5, RequirementMet = 5, InInternship = -5;

    /// <summary>The person ranked for the vacancy, or null when they are no candidate for it.</summary>
    public static MatchResult? Rank(VacancyNeeds vacancy, MatchProfile person, Func<string, string?>? occupationName = null)
    {
        string Named(string code) => occupationName?.Invoke(code) is { } name ? $"{code} {name}" : code;
        if (person.Availability == Availability.NotAvailable) return null;
        var reasons = new List<Message>();
        var gaps = new List<Message>();
        var score = 0;

        var goal = Best(vacancy.OccupationCode, person.GoalOccupations);
        var experience = Best(vacancy.OccupationCode, person.ExperiencedOccupations);
        var nearness = (OccupationNearness)Math.Max((int)goal.Nearness, (int)experience.Nearness);
        if (nearness == OccupationNearness.None && !vacancy.OpenToAll) return null;
        score += Points(nearness) + (goal.Nearness != OccupationNearness.None && experience.Nearness != OccupationNearness.None ? GoalAndExperience : 0);
        if (goal.Code is { } goalCode)
            reasons.Add(goal.Nearness switch
            {
                OccupationNearness.Same => new Message("Goal occupation {0}: the same occupation.", Named(goalCode)),
                OccupationNearness.Related => new Message("Goal occupation {0}: a related occupation.", Named(goalCode)),
                _ => new Message("Goal occupation {0}: the same field.", Named(goalCode)),
            });
        if (experience.Code is { } experienceCode)
            reasons.Add(experience.Nearness switch
            {
                OccupationNearness.Same => new Message("Experience as {0}: the same occupation.", Named(experienceCode)),
                OccupationNearness.Related => new Message("Experience as {0}: a related occupation.", Named(experienceCode)),
                _ => new Message("Experience as {0}: the same field.", Named(experienceCode)),
            });
        if (nearness == OccupationNearness.None) reasons.Add(new Message("The occupation asks for a short training or an introduction only."));

        switch (person.Availability)
        {
            case Availability.Available:
                score += Available;
                reasons.Add(new Message("Available for work (assessment)."));
                break;
            case Availability.PartlyAvailable:
                score += PartlyAvailable;
                reasons.Add(new Message("Partly available for work (assessment)."));
                break;
            default:
                score += NotAssessed;
                gaps.Add(new Message("Not assessed yet: availability not known."));
                break;
        }

        var unmet = 0;
        void Requirement(RequirementState state, Message met, Message missing, Message unknown)
        {
            switch (state)
            {
                case RequirementState.Met: score += RequirementMet; reasons.Add(met); break;
                case RequirementState.Unmet: unmet++; gaps.Add(missing); break;
                default: gaps.Add(unknown); break;
            }
        }

        if (vacancy.LanguageCode is { } language && vacancy.LanguageLevel is { } level)
            Requirement(Language(language, level, person), new Message("Language {0} at level {1} or better.", language, level),
                new Message("Language {0} below level {1}.", language, level), new Message("Language {0}: level not known.", language));
        if (vacancy.DrivingLicence is { } licence)
            Requirement(DrivingLicence(licence, person.DrivingLicence), new Message("Driving licence {0}.", licence),
                new Message("No driving licence {0}.", licence), new Message("Driving licence {0}: not known.", licence));
        if (vacancy.EducationLevel is { } education)
            Requirement(Education(education, person.EducationLevel), new Message("Education at level {0} or higher.", education),
                new Message("Education below level {0}.", education), new Message("Education level not known."));
        if (vacancy.YearsOfExperience is { } years)
            Requirement(Experience(years, experience.Nearness, person.ExperienceYears), new Message("At least {0} years of experience in the occupation.", new Counted(years)),
                new Message("Less than {0} years of experience in the occupation.", new Counted(years)), new Message("Years of experience not known."));

        if (person.InInternship)
        {
            score += InInternship;
            gaps.Add(new Message("In an internship now."));
        }
        return new MatchResult(person.CaseId, score, nearness, reasons, gaps, unmet);
    }

    /// <summary>The candidates best first: fewest requirements unmet, then the highest score, then the longest enrolled
    /// (the order of <paramref name="enrolledOn"/>), then the case's id.</summary>
    public static List<MatchResult> Order(IEnumerable<MatchResult> results, Func<int, DateOnly?> enrolledOn) =>
        results.OrderBy(r => r.Unmet).ThenByDescending(r => r.Score).ThenBy(r => enrolledOn(r.CaseId) ?? DateOnly.MaxValue)
            .ThenBy(r => r.CaseId).ToList();

    public static OccupationNearness Nearness(string vacancyCode, string? personCode)
    {
        if (personCode is not { Length: 4 } code || vacancyCode.Length != 4) return OccupationNearness.None;
        return code == vacancyCode ? OccupationNearness.Same
            : code[..3] == vacancyCode[..3] ? OccupationNearness.Related
            : code[..2] == vacancyCode[..2] ? OccupationNearness.SameField
            : OccupationNearness.None;
    }

    private static (string? Code, OccupationNearness Nearness) Best(string vacancyCode, IReadOnlyList<string> codes) =>
        codes.Select(c => (Code: (string?)c, Nearness: Nearness(vacancyCode, c))).Where(x => x.Nearness != OccupationNearness.None)
            .OrderByDescending(x => x.Nearness).FirstOrDefault();

    private static int Points(OccupationNearness n) => n switch
    {
        OccupationNearness.Same => SameOccupation,
        OccupationNearness.Related => RelatedOccupation,
        OccupationNearness.SameField => SameField,
        _ => 0,
    };

    /// <summary>The levels from none to native; the instruments' Swedish question has "none", "C1" (C1–C2) and "native".</summary>
    private static readonly string[] LevelOrder = ["none", "A1", "A2", "B1", "B2", "C1", "C2", "Native"];

    private static int LevelRank(string? level) =>
        level is null ? -1 : Array.FindIndex(LevelOrder, l => l.Equals(level, StringComparison.OrdinalIgnoreCase));

    public static RequirementState Language(string code, string level, MatchProfile person)
    {
        var has = code == "sv" ? person.SwedishLevel
            : person.OtherLanguage is { } other && other.Language == code ? other.Level
            : null;
        if (LevelRank(has) < 0) return RequirementState.Unknown;
        // "C1" answers the Swedish question for C1–C2 alike: it meets C2 too.
        var needed = code == "sv" && level == "C2" ? LevelRank("C1") : LevelRank(level);
        return LevelRank(has) >= needed ? RequirementState.Met : RequirementState.Unmet;
    }

    /// <summary>The instruments ask "no", "b" (a car) or "heavy" (heavier vehicles too); motorcycle classes are not asked.</summary>
    public static RequirementState DrivingLicence(string required, string? answer)
    {
        string[] car = ["AM", "B"];
        string[] heavy = ["AM", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"];
        return answer switch
        {
            "no" => RequirementState.Unmet,
            "b" when car.Contains(required) => RequirementState.Met,
            "b" when heavy.Contains(required) => RequirementState.Unmet,
            "heavy" when heavy.Contains(required) => RequirementState.Met,
            _ => RequirementState.Unknown,
        };
    }

    /// <summary>SUN 2020 level codes grow with the education (20 compulsory school, 3x upper secondary, 4x–6x post-secondary).</summary>
    public static RequirementState Education(string required, string? answer) =>
        !int.TryParse(answer, out var has) ? RequirementState.Unknown
        : !int.TryParse(required, out var needed) ? RequirementState.Unknown
        : has >= needed ? RequirementState.Met : RequirementState.Unmet;

    /// <summary>Years count only for experience in the same or a related occupation.</summary>
    public static RequirementState Experience(int required, OccupationNearness experience, int? years) =>
        years is null || experience == OccupationNearness.None ? RequirementState.Unknown
        : experience >= OccupationNearness.Related && years >= required ? RequirementState.Met
        : RequirementState.Unmet;
}

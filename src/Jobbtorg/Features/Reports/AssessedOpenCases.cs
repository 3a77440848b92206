using Jobbtorg.Features.Assessments;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// The cases open at the end of <see cref="On"/> — referred on or before it and not closed by then, enrolled or not —
/// counted by the availability and need category of their latest signed assessment dated on or before that day, and
/// those with none (<see cref="NotAssessed"/>).
/// </summary>
public sealed record AssessedOpenCases(DateOnly On, IReadOnlyDictionary<(Availability Availability, NeedCategory Need), int> Counts, int NotAssessed)
{
    public int Count(Availability availability, NeedCategory need) => Counts.GetValueOrDefault((availability, need));

    public int Count(Availability availability) => Counts.Where(c => c.Key.Availability == availability).Sum(c => c.Value);

    public int Count(NeedCategory need) => Counts.Where(c => c.Key.Need == need).Sum(c => c.Value);

    public int Assessed => Counts.Values.Sum();

    public int Total => Assessed + NotAssessed;
}

/// <summary>The results of an assessment in the reader's language: the same words as on the case.</summary>
public static class AssessmentLabels
{
    public static string Of(Shared.Texts t, Availability availability) => t.Enum(availability);

    public static string Of(Shared.Texts t, NeedCategory need) => t.Enum(need);
}

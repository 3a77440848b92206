using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Employers;

/// <summary>A job or internship an employer offers, with what it asks of the person, for matchers to propose participants
/// to. Open until it is filled or withdrawn (with a reason); never deleted, so the employer's history stays.</summary>
public class Vacancy
{
    public const int TitleMaxLength = 200;
    public const int PlaceOfWorkMaxLength = 200;
    public const int ReasonMaxLength = 500;

    public int Id { get; private set; }
    public int EmployerId { get; private set; }
    public Employer Employer { get; private set; } = null!;
    public string Title { get; private set; } = "";
    /// <summary>SSYK 2012 occupation group (four digits).</summary>
    public string OccupationCode { get; private set; } = "";
    public PlacementKind Kind { get; private set; }
    public int Places { get; private set; }
    public int HoursPerWeek { get; private set; }
    public string PlaceOfWork { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly LastDayToPropose { get; private set; }
    public string? LanguageCode { get; private set; }
    public string? LanguageLevel { get; private set; }
    public string? DrivingLicence { get; private set; }
    public string? EducationLevel { get; private set; }
    public int? YearsOfExperience { get; private set; }
    public VacancyStatus Status { get; private set; }
    /// <summary>The places held by proposals under way or taken by a hire: a place is offered to one person at a time. Kept by
    /// guarded updates only (… SET n = n + 1 WHERE n &lt; Places), never above <see cref="Places"/>.</summary>
    public int PlacesHeld { get; private set; }
    public int FreePlaces => Status == VacancyStatus.Open ? Math.Max(0, Places - PlacesHeld) : 0;
    public string? WithdrawalReason { get; private set; }
    /// <summary>When it was filled or withdrawn.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    /// <summary>Title and place of work in lower case, for the list's text search on both databases alike.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>A new open vacancy from a request whose rules hold (<see cref="VacancyRules.Check"/>).</summary>
    public static Vacancy Register(VacancyRequest r, string by, DateTimeOffset at)
    {
        var v = new Vacancy
        {
            EmployerId = r.EmployerId!.Value,
            Title = Employer.Tidy(r.Title)!,
            OccupationCode = r.Occupation!.Trim().Split(' ', 2)[0],
            Kind = r.Kind!.Value,
            Places = r.Places!.Value,
            HoursPerWeek = r.HoursPerWeek!.Value,
            PlaceOfWork = Employer.Tidy(r.PlaceOfWork)!,
            StartDate = r.StartDate!.Value,
            LastDayToPropose = r.LastDayToPropose!.Value,
            LanguageCode = Employer.Tidy(r.Language)?.ToLowerInvariant(),
            LanguageLevel = Employer.Tidy(r.Language) is null ? null : VacancyRules.Level(r.LanguageLevel),
            DrivingLicence = VacancyRules.Licence(r.DrivingLicence),
            EducationLevel = Employer.Tidy(r.EducationLevel),
            YearsOfExperience = r.YearsOfExperience is 0 ? null : r.YearsOfExperience,
            Status = VacancyStatus.Open,
            RegisteredAt = at,
            RegisteredBy = by,
        };
        v.SearchText = $"{v.Title} {v.PlaceOfWork}".ToLowerInvariant();
        return v;
    }

    public void Withdraw(string reason, string by, DateTimeOffset at)
    {
        EnsureOpen();
        Status = VacancyStatus.Withdrawn;
        WithdrawalReason = Employer.Tidy(reason);
        ClosedAt = at;
        ClosedBy = by;
    }

    public void MarkFilled(string by, DateTimeOffset at)
    {
        EnsureOpen();
        Status = VacancyStatus.Filled;
        ClosedAt = at;
        ClosedBy = by;
    }

    private void EnsureOpen()
    {
        if (Status != VacancyStatus.Open)
            throw new RuleBrokenException("The vacancy is no longer open.");
    }
}

using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Employers;

/// <summary>An employer to register: who it is (organisation number, and the unit of a large organisation) and what is
/// known of it. Checked by <see cref="EmployerRules"/>.</summary>
[CheckedByUseCase]
public sealed class EmployerRequest
{
    [ApiRequired]
    public string? OrganisationNumber { get; set; }
    public string? Unit { get; set; }
    [ApiRequired]
    public string? Name { get; set; }
    [ApiRequired]
    public Industry? Industry { get; set; }
    public string? VisitingAddress { get; set; }
    public string? PostalAddress { get; set; }
    public bool IsCityAdministration { get; set; }
}

/// <summary>A contact person at an employer.</summary>
[CheckedByUseCase]
public sealed class ContactRequest
{
    [ApiRequired]
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>A vacancy to register at an employer. Checked by <see cref="VacancyRules"/>.</summary>
[CheckedByUseCase]
public sealed class VacancyRequest
{
    [ApiRequired]
    public int? EmployerId { get; set; }
    [ApiRequired]
    public string? Title { get; set; }
    /// <summary>SSYK 2012 occupation group (four digits).</summary>
    [ApiRequired]
    public string? Occupation { get; set; }
    [ApiRequired]
    public PlacementKind? Kind { get; set; }
    [ApiRequired]
    public int? Places { get; set; }
    [ApiRequired]
    public int? HoursPerWeek { get; set; }
    [ApiRequired]
    public string? PlaceOfWork { get; set; }
    [ApiRequired]
    public DateOnly? StartDate { get; set; }
    [ApiRequired]
    public DateOnly? LastDayToPropose { get; set; }
    /// <summary>ISO 639 code of a language the job needs, with <see cref="LanguageLevel"/>.</summary>
    public string? Language { get; set; }
    /// <summary>A1–C2 or Native.</summary>
    public string? LanguageLevel { get; set; }
    /// <summary>A Swedish driving licence class (B, C, CE…).</summary>
    public string? DrivingLicence { get; set; }
    /// <summary>SUN 2020 level-2 code.</summary>
    public string? EducationLevel { get; set; }
    public int? YearsOfExperience { get; set; }
}

/// <summary>Why a vacancy is withdrawn.</summary>
[CheckedByUseCase]
public sealed class WithdrawVacancyRequest
{
    [ApiRequired]
    public string? Reason { get; set; }
}

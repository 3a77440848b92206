using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Employers;

/// <summary>The rules of a vacancy, all problems at once by field. A vacancy starts within two years; participants are
/// proposed from today up to its start at the latest, since a proposal after the start fills nothing.</summary>
public sealed class VacancyRules(OccupationCatalogue occupations, LanguageCatalogue languages, EducationLevelCatalogue educationLevels)
{
    public const int MaxPlaces = 500;
    public const int MaxHoursPerWeek = 40;
    public const int MaxYearsOfExperience = 40;
    public const int MaxYearsAhead = 2;

    /// <summary>The Swedish driving licence classes.</summary>
    public static readonly string[] DrivingLicences = ["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"];

    public FieldErrors Check(VacancyRequest r, DateOnly today)
    {
        var errors = new FieldErrors();
        if (r.EmployerId is null) errors.Refuse(nameof(r.EmployerId), "Choose the employer.");
        if (Employer.Tidy(r.Title) is null) errors.Refuse(nameof(r.Title), "Write a title for the vacancy, e.g. Warehouse worker.");
        else EmployerRules.Text(errors, nameof(r.Title), r.Title, Vacancy.TitleMaxLength);
        if (Employer.Tidy(r.Occupation) is null) errors.Refuse(nameof(r.Occupation), "Choose the occupation (SSYK 2012).");
        else if (occupations.FromInput(r.Occupation) is null)
            errors.Refuse(nameof(r.Occupation), "{0} is not an SSYK 2012 occupation group.", r.Occupation!.Trim());
        if (r.Kind is null) errors.Refuse(nameof(r.Kind), "Choose the kind: internship, employment, subsidised employment or municipal job.");
        if (r.Places is not (>= 1 and <= MaxPlaces))
            errors.Refuse(nameof(r.Places), "The number of places is between 1 and {0}.", MaxPlaces);
        if (r.HoursPerWeek is not (>= 1 and <= MaxHoursPerWeek))
            errors.Refuse(nameof(r.HoursPerWeek), "The hours per week are between 1 and {0}.", MaxHoursPerWeek);
        if (Employer.Tidy(r.PlaceOfWork) is null) errors.Refuse(nameof(r.PlaceOfWork), "Write where the work is done, e.g. the address or the area.");
        else EmployerRules.Text(errors, nameof(r.PlaceOfWork), r.PlaceOfWork, Vacancy.PlaceOfWorkMaxLength);

        var latestStart = today.AddYears(MaxYearsAhead);
        if (r.StartDate is not { } start) errors.Refuse(nameof(r.StartDate), "Give the start date.");
        else if (start < today || start > latestStart)
            errors.Refuse(nameof(r.StartDate), "The start date lies between today ({0}) and {1}.", today, latestStart);
        if (r.LastDayToPropose is not { } last) errors.Refuse(nameof(r.LastDayToPropose), "Give the last day to propose participants.");
        else if (last < today)
            errors.Refuse(nameof(r.LastDayToPropose), "The last day to propose participants cannot be before today ({0}).", today);
        else if (r.StartDate is { } s && last > s)
            errors.Refuse(nameof(r.LastDayToPropose), "The last day to propose participants cannot be after the start date ({0}).", s);

        var language = Employer.Tidy(r.Language);
        if (language is not null && languages.Find(language) is null)
            errors.Refuse(nameof(r.Language), "{0} is not a known language code (ISO 639).", language);
        if (language is not null && Level(r.LanguageLevel) is null)
            errors.Refuse(nameof(r.LanguageLevel), "Choose the language level: A1, A2, B1, B2, C1, C2 or Native.");
        if (language is null && Employer.Tidy(r.LanguageLevel) is not null)
            errors.Refuse(nameof(r.Language), "Choose the language the level is for.");
        if (Employer.Tidy(r.DrivingLicence) is { } licence && Licence(licence) is null)
            errors.Refuse(nameof(r.DrivingLicence), "{0} is not a Swedish driving licence class (e.g. B, C, CE).", licence);
        if (Employer.Tidy(r.EducationLevel) is { } education && educationLevels.Find(education) is null)
            errors.Refuse(nameof(r.EducationLevel), "{0} is not a SUN 2020 education level.", education);
        if (r.YearsOfExperience is < 0 or > MaxYearsOfExperience)
            errors.Refuse(nameof(r.YearsOfExperience), "The years of experience are between 0 and {0}.", MaxYearsOfExperience);
        return errors;
    }

    public static FieldErrors Check(WithdrawVacancyRequest r)
    {
        var errors = new FieldErrors();
        if (Employer.Tidy(r.Reason) is not { } reason) errors.Refuse(nameof(r.Reason), "Say why the vacancy is withdrawn.");
        else if (reason.Length > Vacancy.ReasonMaxLength) errors.Refuse(nameof(r.Reason), new Message("This may be at most {0} characters.", Vacancy.ReasonMaxLength));
        return errors;
    }

    /// <summary>The level as it is stored (A1…C2, Native), or null when it is none of them.</summary>
    public static string? Level(string? level) =>
        Employer.Tidy(level) is { } l ? LanguageAnswer.Levels.FirstOrDefault(x => x.Equals(l, StringComparison.OrdinalIgnoreCase)) : null;

    /// <summary>The licence class as it is stored (upper case), or null when it is no class.</summary>
    public static string? Licence(string? licence) =>
        Employer.Tidy(licence) is { } l ? DrivingLicences.FirstOrDefault(x => x.Equals(l, StringComparison.OrdinalIgnoreCase)) : null;
}

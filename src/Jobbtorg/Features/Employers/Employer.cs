using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Employers;

/// <summary>An employer matchers work with: an organisation (by its organisation number) or one unit of a large one, such as
/// one administration of the city. An organisation number with a unit is one employer; the same number without a unit
/// another.</summary>
public class Employer
{
    public const int NameMaxLength = 200;
    public const int UnitMaxLength = 200;
    public const int AddressMaxLength = 200;

    public int Id { get; private set; }
    /// <summary>10 digits, without the hyphen.</summary>
    public string OrganisationNumber { get; private set; } = "";
    public string? Unit { get; private set; }
    /// <summary>The unit as it is compared (trimmed, upper case; empty when none), so that "Farsta" and "farsta " are one unit.</summary>
    public string UnitKey { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Industry Industry { get; private set; }
    public string? VisitingAddress { get; private set; }
    public string? PostalAddress { get; private set; }
    /// <summary>One of the city's own administrations: where municipal jobs are.</summary>
    public bool IsCityAdministration { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public List<EmployerContact> Contacts { get; private set; } = [];
    /// <summary>Name and unit in lower case, for the search on both databases alike (SQLite's lower() knows no å, ä, ö).</summary>
    public string SearchName { get; private set; } = "";

    public string FormattedOrganisationNumber => $"{OrganisationNumber[..6]}-{OrganisationNumber[6..]}";

    public static string KeyOf(string? unit) => Tidy(unit)?.ToUpperInvariant() ?? "";

    /// <summary>A new employer from a request whose rules hold (<see cref="EmployerRules.Check"/>).</summary>
    public static Employer Register(EmployerRequest request, string by, DateTimeOffset at)
    {
        Jobbtorg.Identity.OrganisationNumber.TryParse(request.OrganisationNumber, out var number, out _);
        var employer = new Employer
        {
            OrganisationNumber = number.Value,
            Unit = Tidy(request.Unit),
            UnitKey = KeyOf(request.Unit),
            Name = Tidy(request.Name)!,
            Industry = request.Industry!.Value,
            VisitingAddress = Tidy(request.VisitingAddress),
            PostalAddress = Tidy(request.PostalAddress),
            IsCityAdministration = request.IsCityAdministration,
            RegisteredAt = at,
            RegisteredBy = by,
        };
        employer.SearchName = $"{employer.Name} {employer.Unit}".Trim().ToLowerInvariant();
        return employer;
    }

    /// <summary>Changes what may change; the organisation number and unit are who the employer is and stay.</summary>
    public void Edit(EmployerRequest request)
    {
        Name = Tidy(request.Name)!;
        Industry = request.Industry!.Value;
        VisitingAddress = Tidy(request.VisitingAddress);
        PostalAddress = Tidy(request.PostalAddress);
        IsCityAdministration = request.IsCityAdministration;
        SearchName = $"{Name} {Unit}".Trim().ToLowerInvariant();
    }

    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

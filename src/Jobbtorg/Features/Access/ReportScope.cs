using Jobbtorg.Features.Cases;

namespace Jobbtorg.Features.Access;

/// <summary>
/// The cases a report counts: the whole city's, or only those referred by one district. The definitions are the same
/// either way; a district's report is the city's report restricted to the district's cases. Who gets which scope is
/// decided by <see cref="AccessRules.ReportScopeFor"/>.
/// </summary>
public readonly record struct ReportScope(int? DistrictId)
{
    /// <summary>Every case of the city.</summary>
    public static ReportScope City => default;

    /// <summary>Only the cases the district referred.</summary>
    public static ReportScope OfDistrict(int districtId) => new(districtId);

    public bool IsCity => DistrictId is null;

    /// <summary>The cases of <paramref name="cases"/> that this scope counts.</summary>
    public IQueryable<Case> Restrict(IQueryable<Case> cases) =>
        DistrictId is { } district ? cases.Where(c => c.DistrictId == district) : cases;
}

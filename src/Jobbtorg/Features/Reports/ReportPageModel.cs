using System.Globalization;
using System.Text.Json;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// Shared by the report pages: the period chooser read from the query string (a plain GET form, so every
/// report can be bookmarked), the as-of date, the breakdown and whose cases are counted (the city's or a district's).
/// </summary>
public abstract class ReportPageModel(ReportsDb reports, Texts texts, TimeProvider clock) : PageModel
{
    public const int FirstYear = 2000;

    [BindProperty(SupportsGet = true, Name = "period")] public PeriodKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "month")] public int? Month { get; set; }
    [BindProperty(SupportsGet = true, Name = "tertial")] public int? Tertial { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "asOf")] public DateOnly? AsOf { get; set; }
    [BindProperty(SupportsGet = true, Name = "groupBy")] public GroupBy? GroupBy { get; set; }
    /// <summary>The district whose cases are counted, by code; empty for the whole city (or, for a reader bound to a
    /// district, their own).</summary>
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }

    /// <summary>Whose cases the figures count, as the access rules allow the reader.</summary>
    public ReportScope Scope { get; private set; }
    /// <summary>The name of the district the figures are restricted to; null for the whole city.</summary>
    public string? ScopeName { get; private set; }
    /// <summary>The districts a reader who sees the whole city may restrict the figures to; empty for a reader bound to one.</summary>
    public IReadOnlyList<(string Code, string Name)> DistrictChoices { get; private set; } = [];

    /// <summary>The chosen period; null when the choice could not be read (the errors are in ModelState).</summary>
    public ReportPeriod? Period { get; private set; }
    public DateOnly AsOfDate { get; private set; }
    public DateOnly Today { get; private set; }
    public int LastYear => Today.Year + 1;

    /// <summary>The reports' database: a read replica when one is configured.</summary>
    protected JobbtorgDb Db => reports.Db;
    protected Texts Texts => texts;

    /// <summary>
    /// Decides whose cases the figures count (<see cref="AccessRules.ReportScopeFor"/>): false when the reader may not
    /// have the district asked for, or any report at all. A district code that does not exist is named in ModelState.
    /// </summary>
    protected async Task<bool> ResolveScopeAsync(CancellationToken ct)
    {
        int? requested = null;
        if (!string.IsNullOrWhiteSpace(District))
        {
            var code = District.Trim();
            requested = await Db.Districts.Where(d => d.Code == code).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (requested is null)
            {
                ModelState.AddModelError("district", texts.Format("'{0}' is not a district code.", District));
                District = null;
            }
        }
        if (AccessRules.ReportScopeFor(AccessPrincipal.From(User), requested) is not { } scope) return false;
        Scope = scope;
        if (scope.DistrictId is { } id)
        {
            var district = await Db.Districts.Where(d => d.Id == id).Select(d => new { d.Code, d.Name }).SingleAsync(ct);
            ScopeName = district.Name;
            District = district.Code;
        }
        if (AccessRules.ReportScopeFor(AccessPrincipal.From(User)) is { IsCity: true })
            DistrictChoices = (await Db.Districts.OrderBy(d => d.Name).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
                .Select(d => (d.Code, d.Name)).ToList();
        return true;
    }

    /// <summary>Reads the chooser. With nothing chosen, the tertial that today falls in; with only from and to, that range.</summary>
    protected bool ResolvePeriod()
    {
        Today = clock.Today();
        AsOfDate = AsOf ?? Today;
        var kind = Kind ?? (From is not null || To is not null ? PeriodKind.Custom : PeriodKind.Tertial);
        Kind = kind;
        Year ??= AsOfDate.Year;
        Month ??= AsOfDate.Month;
        Tertial ??= ReportPeriod.TertialOf(AsOfDate);
        if (!ModelState.IsValid) return false;

        if (kind != PeriodKind.Custom && (Year < FirstYear || Year > LastYear))
            ModelState.AddModelError("year", texts.Format("Enter a year from {0} to {1}.", FirstYear, LastYear));
        if (kind == PeriodKind.Month && Month is < 1 or > 12)
            ModelState.AddModelError("month", texts["Choose a month."]);
        if (kind == PeriodKind.Tertial && Tertial is < 1 or > 3)
            ModelState.AddModelError("tertial", texts["Choose tertial 1, 2 or 3."]);
        if (kind == PeriodKind.Custom)
        {
            if (From is null) ModelState.AddModelError("from", texts["Enter the first day of the period."]);
            if (To is null) ModelState.AddModelError("to", texts["Enter the last day of the period."]);
            if (From > To) ModelState.AddModelError("to", texts["The period cannot end before it starts."]);
            if (From?.Year < FirstYear || To?.Year > LastYear)
                ModelState.AddModelError("from", texts.Format("Enter dates from {0} to {1}.", FirstYear, LastYear));
        }
        if (!ModelState.IsValid) return false;

        Period = kind switch
        {
            PeriodKind.Month => ReportPeriod.Month(Year.Value, Month.Value),
            PeriodKind.Tertial => ReportPeriod.Tertial(Year.Value, Tertial.Value),
            PeriodKind.Year => ReportPeriod.Year(Year.Value),
            _ => ReportPeriod.Custom(From!.Value, To!.Value),
        };
        // The from/to fields show the resolved dates, ready to be adjusted as a period of one's own.
        From = Period.From;
        To = Period.To;
        return true;
    }

    /// <summary>The period in words: "januari 2024", "T1 2024 (januari–april)", "2024" or "2024-01-05 – 2024-03-31".</summary>
    public string PeriodName(ReportPeriod period)
    {
        var culture = CultureInfo.CurrentCulture;
        return period.Kind switch
        {
            PeriodKind.Month => period.From.ToString("MMMM yyyy", culture),
            PeriodKind.Tertial => texts.Format("T{0} {1} ({2}–{3})", ReportPeriod.TertialOf(period.From), period.From.Year,
                period.From.ToString("MMMM", culture), period.To.ToString("MMMM", culture)),
            PeriodKind.Year => period.From.Year.ToString(CultureInfo.InvariantCulture),
            _ => $"{Texts.Date(period.From)} – {Texts.Date(period.To)}",
        };
    }

    /// <summary>The choice as a query string, for links that keep it (the workbook, the other report page).</summary>
    public string Query(string? handler = null, bool withGroupBy = true)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (handler is not null) values.Add(new("handler", handler));
        if (Period is { } p)
        {
            values.Add(new("period", Camel(p.Kind.ToString())));
            switch (p.Kind)
            {
                case PeriodKind.Month: values.Add(new("year", Year.ToString())); values.Add(new("month", Month.ToString())); break;
                case PeriodKind.Tertial: values.Add(new("year", Year.ToString())); values.Add(new("tertial", Tertial.ToString())); break;
                case PeriodKind.Year: values.Add(new("year", Year.ToString())); break;
                default: values.Add(new("from", Texts.Date(p.From))); values.Add(new("to", Texts.Date(p.To))); break;
            }
        }
        if (AsOf is { } asOf) values.Add(new("asOf", Texts.Date(asOf)));
        if (withGroupBy && GroupBy is { } g) values.Add(new("groupBy", Camel(g.ToString())));
        if (!string.IsNullOrEmpty(District)) values.Add(new("district", District));
        return QueryString.Create(values).ToString();
    }

    public string? BreakdownName => GroupBy is { } g ? BreakdownNameOf(g) : null;

    /// <summary>The monthly series follow the breakdown; with none, the reporting groups.</summary>
    public GroupBy SeriesGroupBy => GroupBy ?? Reports.GroupBy.ReportingGroup;

    public string BreakdownNameOf(GroupBy groupBy) => groupBy switch
    {
        Reports.GroupBy.ReportingGroup => texts["Reporting group"],
        Reports.GroupBy.JobCentre => texts["Job centre"],
        Reports.GroupBy.District => texts["District"],
        Reports.GroupBy.Gender => texts["Gender"],
        Reports.GroupBy.TargetGroup => texts["Target group"],
        Reports.GroupBy.Benefit => texts["Benefit"],
        _ => groupBy.ToString(),
    };

    public static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>Names for the group keys that are codes: job centres and districts.</summary>
    protected Task<IReadOnlyDictionary<string, string>> GroupNamesAsync(CancellationToken ct) => GroupNamesAsync(GroupBy, ct);

    /// <summary>Names for the group keys of <paramref name="groupBy"/> that are codes.</summary>
    protected async Task<IReadOnlyDictionary<string, string>> GroupNamesAsync(GroupBy? groupBy, CancellationToken ct) => groupBy switch
    {
        Reports.GroupBy.JobCentre => await Db.JobCentres.ToDictionaryAsync(c => c.Code, c => c.Name, ct),
        Reports.GroupBy.District => await Db.Districts.ToDictionaryAsync(d => d.Code, d => d.Name, ct),
        _ => new Dictionary<string, string>(),
    };
}

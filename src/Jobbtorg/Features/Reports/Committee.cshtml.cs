using System.Globalization;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// The committee's tertial report, made to be printed (or saved as PDF from the browser) and downloaded as a workbook:
/// <c>/Reports/Committee?period=2026T2</c> for a tertial, <c>period=2026</c> for a year; without a period, the latest
/// tertial that has ended; <c>district=rinkeby-kista</c> for a district committee, counting only the cases that
/// district referred. Whoever may read the indicator report may read it, with the same district scope.
/// </summary>
[RequirePermission(Permission.ReadReports)]
[Jobbtorg.Features.AccessLog.NoPersonalData]
public class CommitteeModel(ReportsDb reports, Indicators indicators, CurrentUser user, Texts texts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    [BindProperty(SupportsGet = true, Name = "asOf")] public DateOnly? AsOf { get; set; }
    /// <summary>The district whose committee the report is for, by code; empty for the Labour Market Committee (the whole
    /// city), or for a reader bound to a district, their own.</summary>
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }

    /// <summary>Whose cases the figures count, as the access rules allow the reader.</summary>
    public ReportScope Scope { get; private set; }
    /// <summary>The district's name when the report is a district committee's; null for the whole city.</summary>
    public string? DistrictName { get; private set; }
    /// <summary>The districts a reader of the whole city may choose; empty for a reader bound to one.</summary>
    public IReadOnlyList<(string Code, string Name)> DistrictChoices { get; private set; } = [];

    public ReportPeriod? Period { get; private set; }
    public DateOnly AsOfDate { get; private set; }
    public CommitteeReport? Report { get; private set; }
    public IReadOnlyList<CommitteeIndicator> Indicators { get; private set; } = [];
    /// <summary>The report's rows: the total, each reporting group, each gender.</summary>
    public IReadOnlyList<CommitteeRow> Rows { get; private set; } = [];
    /// <summary>The periods a committee chooses from: every tertial and year up to the latest that has begun, newest first.</summary>
    public IReadOnlyList<ReportPeriod> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await ResolveScopeAsync(HttpContext.RequestAborted)) return Forbid();
        await BuildAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync()
    {
        if (!await ResolveScopeAsync(HttpContext.RequestAborted)) return Forbid();
        if (!await BuildAsync(HttpContext.RequestAborted)) return Page();
        var stream = new MemoryStream();
        await CommitteeWorkbook.WriteAsync(stream, texts, this, HttpContext.RequestAborted);
        stream.Position = 0;
        return File(stream, ReportWorkbook.ContentType, CommitteeWorkbook.FileName(Period!, Scope.IsCity ? null : District));
    }

    /// <summary>Whose cases the report counts (<see cref="AccessRules.ReportScopeFor"/>), as on the indicator report: false
    /// when the reader may not have the district asked for. A district code that does not exist is named in ModelState.</summary>
    private async Task<bool> ResolveScopeAsync(CancellationToken ct)
    {
        var db = reports.Db;
        int? requested = null;
        if (!string.IsNullOrWhiteSpace(District))
        {
            var code = District.Trim();
            requested = await db.Districts.Where(d => d.Code == code).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (requested is null)
            {
                ModelState.AddModelError("district", texts.Format("'{0}' is not a district code.", District));
                District = null;
            }
        }
        if (AccessRules.ReportScopeFor(user.Access, requested) is not { } scope) return false;
        Scope = scope;
        if (scope.DistrictId is { } id)
        {
            var district = await db.Districts.Where(d => d.Id == id).Select(d => new { d.Code, d.Name }).SingleAsync(ct);
            (District, DistrictName) = (district.Code, district.Name);
        }
        if (AccessRules.ReportScopeFor(user.Access) is { IsCity: true })
            DistrictChoices = (await db.Districts.OrderBy(d => d.Name).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
                .Select(d => (d.Code, d.Name)).ToList();
        return true;
    }

    private async Task<bool> BuildAsync(CancellationToken ct)
    {
        var today = clock.Today();
        AsOfDate = AsOf ?? today;
        var lastYear = today.Year + 1;
        Choices = PeriodChoices(ReportPageModel.FirstYear, today);
        Indicators = CommitteeReport.Indicators(texts);
        if (!ModelState.IsValid) return false;
        if (string.IsNullOrWhiteSpace(PeriodText)) Period = CommitteeReport.LatestEndedTertial(AsOfDate);
        else
        {
            Period = CommitteeReport.ReadPeriod(PeriodText, ReportPageModel.FirstYear, lastYear, texts, out var error);
            if (error is not null) ModelState.AddModelError("period", error);
        }
        if (Period is null) return false;
        PeriodText = CommitteeReport.Code(Period);
        // The caseload counts only the coaches of the centres the caller may see, as on the indicator report.
        Report = await CommitteeReport.ComputeAsync(indicators, reports, Period, AsOfDate, Scope, AccessRules.CaseloadCentres(user.Access), ct);
        Rows = Report.Rows(texts);
        return true;
    }

    private static List<ReportPeriod> PeriodChoices(int firstYear, DateOnly today)
    {
        var choices = new List<ReportPeriod>();
        for (var year = today.Year; year >= firstYear; year--)
        {
            for (var tertial = year == today.Year ? ReportPeriod.TertialOf(today) : 3; tertial >= 1; tertial--)
                choices.Add(ReportPeriod.Tertial(year, tertial));
            choices.Add(ReportPeriod.Year(year));
        }
        return choices;
    }

    /// <summary>"T2 2026 (maj–augusti)" or "2026".</summary>
    public string PeriodName(ReportPeriod period) => period.Kind == PeriodKind.Tertial
        ? texts.Format("T{0} {1} ({2}–{3})", ReportPeriod.TertialOf(period.From), period.From.Year,
            period.From.ToString("MMMM", CultureInfo.CurrentCulture), period.To.ToString("MMMM", CultureInfo.CurrentCulture))
        : period.From.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The report as its address names it, for the workbook link.</summary>
    public string Query(string? handler = null)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (handler is not null) values.Add(new("handler", handler));
        if (Period is { } p) values.Add(new("period", CommitteeReport.Code(p)));
        if (AsOf is { } asOf) values.Add(new("asOf", Texts.Date(asOf)));
        if (!string.IsNullOrEmpty(District)) values.Add(new("district", District));
        return QueryString.Create(values).ToString();
    }

}

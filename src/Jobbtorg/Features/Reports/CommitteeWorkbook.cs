using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Reports;

/// <summary>
/// The committee report as a workbook, with the page's content: one row per indicator, measure and group with the
/// period's number and the number a year earlier beside it, the coaches, the "Other" closures by sub-reason, each
/// coach's caseload in both periods, and the definitions. Numbers are the API's, rates fractions in a percent format;
/// each row names its place in the API's answer (<c>groups.Youth</c>, <c>jobGuarantee.rate</c>).
/// </summary>
public static class CommitteeWorkbook
{
    /// <summary><c>namndrapport-2026T2.xlsx</c>, or <c>namndrapport-2026T2-rinkeby-kista.xlsx</c> for a district committee.</summary>
    public static string FileName(ReportPeriod period, string? district) =>
        district is null ? $"namndrapport-{CommitteeReport.Code(period)}.xlsx" : $"namndrapport-{CommitteeReport.Code(period)}-{district}.xlsx";

    /// <summary>A mean caseload with one decimal, as the page shows it; a dash when no coach has a case.</summary>
    public static string Mean(double? value) =>
        value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.CurrentCulture) : "–";

    public static async Task WriteAsync(Stream stream, Texts t, CommitteeModel page, CancellationToken ct)
    {
        var report = page.Report!;
        string current = page.PeriodName(report.Current.Period), earlier = page.PeriodName(report.Earlier.Period);
        await using var book = await ReportWorkbook.CreateAsync(stream, ct);

        await book.SheetAsync(t["Indicators"],
            [t["Indicator"], t["Measure"], t["Group"], current, earlier, t["In the API"]], [40, 36, 26, 16, 16, 40], ct);
        foreach (var indicator in page.Indicators)
            foreach (var measure in indicator.Measures)
                foreach (var row in page.Rows)
                    await book.RowAsync(
                    [
                        ReportWorkbook.Text(indicator.Name), ReportWorkbook.Text(measure.Label), ReportWorkbook.Text(row.Label),
                        book.Number(measure.Kind, measure.Value(row.Current)),
                        book.Number(measure.Kind, row.Earlier is { } before ? measure.Value(before) : null),
                        ReportWorkbook.Text($"{row.ApiPlace}.{CommitteeReport.ApiField(indicator, measure)}"),
                    ], ct);

        await book.SheetAsync(t["Coaches"], [t["What"], current, earlier], [36, 16, 16], ct);
        var (now, then) = (report.Current.Coaches, report.Earlier.Coaches);
        await book.RowAsync([ReportWorkbook.Text(t["Day"]), ReportWorkbook.Text(Texts.Date(now.On)), ReportWorkbook.Text(Texts.Date(then.On))], ct);
        await book.RowAsync([ReportWorkbook.Text(t["Coaches"]), ReportWorkbook.Count(now.Coaches), ReportWorkbook.Count(then.Coaches)], ct);
        await book.RowAsync([ReportWorkbook.Text(t["Open cases"]), ReportWorkbook.Count(now.OpenCases), ReportWorkbook.Count(then.OpenCases)], ct);
        await book.RowAsync([ReportWorkbook.Text(t["Of which without a coach"]), ReportWorkbook.Count(now.WithoutCoach), ReportWorkbook.Count(then.WithoutCoach)], ct);
        await book.RowAsync([ReportWorkbook.Text(t["Cases per coach"]), book.Days(now.CasesPerCoach), book.Days(then.CasesPerCoach)], ct);

        await book.SheetAsync(t["Closed for another reason"], [t["Sub-reason"], current, earlier], [36, 16, 16], ct);
        foreach (var sub in ClosureReasons.OtherSubReasons)
            await book.RowAsync([ReportWorkbook.Text(t.Enum(sub)), ReportWorkbook.Count(report.Current.OtherClosures[sub]),
                ReportWorkbook.Count(report.Earlier.OtherClosures[sub])], ct);
        await book.RowAsync([ReportWorkbook.Text(t["Total"]), ReportWorkbook.Count(report.Current.Total.ClosureReasons.GetValueOrDefault("Other")),
            ReportWorkbook.Count(report.Earlier.Total.ClosureReasons.GetValueOrDefault("Other"))], ct);

        // Each coach's open cases on the last day of both periods; a coach with none that day has an empty cell.
        await book.SheetAsync(t["Caseload"], [t["Coach"], t.Format("Open cases on {0}", now.On), t.Format("Open cases on {0}", then.On)], [32, 22, 22], ct);
        var earlierLoads = then.Caseload.ToDictionary(l => l.Coach, l => l.OpenCases);
        var coaches = now.Caseload.Select(l => l.Coach).Concat(then.Caseload.Select(l => l.Coach).Where(c => now.Caseload.All(l => l.Coach != c)));
        var nowLoads = now.Caseload.ToDictionary(l => l.Coach, l => l.OpenCases);
        foreach (var coach in coaches)
            await book.RowAsync([ReportWorkbook.Text(IndicatorWorkbook.CoachName(t, new CoachCaseload(coach, 0))),
                ReportWorkbook.Count(nowLoads.TryGetValue(coach, out var n) ? n : null), ReportWorkbook.Count(earlierLoads.TryGetValue(coach, out var e) ? e : null)], ct);

        var about = new List<(string, string)>
        {
            (t["Report to"], page.DistrictName is { } name ? t.Format("{0} district committee", name) : t["The Labour Market Committee"]),
            (t["Period"], current),
            (t["Compared with"], earlier),
            (t["From"], Texts.Date(report.Current.Period.From)),
            (t["To"], Texts.Date(report.Current.Period.To)),
            (t["Figures as of"], Texts.Date(report.AsOf)),
        };
        about.AddRange(page.Indicators.Select(i => (i.Name, i.Definition)));
        await IndicatorWorkbook.AboutSheetAsync(book, t, about, ct);
        await book.FinishAsync(ct);
    }
}

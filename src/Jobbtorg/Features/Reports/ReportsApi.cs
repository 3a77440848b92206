using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reports").WithTags("Reports").RequirePermission(Permission.ReadReports);

        // The query values are read as text so that a bad one is named in a ValidationProblem, not a bare 400.
        group.MapGet("/indicators", async Task<Results<Ok<IndicatorReport>, FieldProblem, ForbidHttpResult>> (
                Indicators indicators, Data.ReportsDb reports, CurrentUser user, TimeProvider clock, CancellationToken ct,
                string? from = null, string? to = null, string? asOf = null, string? groupBy = null, string? district = null) =>
            {
                var errors = new FieldErrors();
                var start = ReadDate(nameof(from), from, required: true, errors);
                var end = ReadDate(nameof(to), to, required: true, errors);
                var seenOn = ReadDate(nameof(asOf), asOf, required: false, errors) ?? clock.Today();
                if (start > end) errors.Refuse(nameof(to), "The period cannot end before it starts.");
                GroupBy? grouping = null;
                if (!string.IsNullOrWhiteSpace(groupBy))
                {
                    var name = Enum.GetNames<GroupBy>().FirstOrDefault(n => n.Equals(groupBy.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (name is null) errors.Refuse(nameof(groupBy), "'{0}' is not a grouping; use reportingGroup, jobCentre, district or gender.", groupBy);
                    else grouping = Enum.Parse<GroupBy>(name);
                }
                int? districtId = null;
                if (!string.IsNullOrWhiteSpace(district))
                {
                    var code = district.Trim();
                    districtId = await reports.Db.Districts.Where(d => d.Code == code).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
                    if (districtId is null) errors.Refuse(nameof(district), "'{0}' is not a district code.", district);
                }
                if (errors.Count > 0) return new FieldProblem(errors);
                if (AccessRules.ReportScopeFor(user.Access, districtId) is not { } scope) return TypedResults.Forbid();

                return TypedResults.Ok(await indicators.ReportAsync(start!.Value, end!.Value, seenOn, grouping, scope, ct));
            })
            .WithName("getIndicatorReport")
            .WithSummary("Indicator report for a period")
            .WithDescription("The indicators of the job centres for the period [from, to] (dates yyyy-MM-dd, both included), " +
                             "as the data stood on asOf (default: today in Stockholm); events dated after asOf are ignored. Dates lie in 1900-01-01 … 2099-12-31. " +
                             "groupBy (reportingGroup, jobCentre, district or gender) adds a breakdown under \"groups\"; a case " +
                             "with no value for the grouping is under \"unassigned\". Rates are fractions, null when nothing " +
                             "was measured. A missing or invalid value answers 400 naming the field. " +
                             "district (a district code) counts only the cases that district referred. A key bound to a district, and a " +
                             "district's case worker, always get their own district's figures: without district, or with their own, " +
                             "the answer is their district's; another district answers 403.")
            .ProducesValidationProblem();

        return group;
    }

    private static DateOnly? ReadDate(string field, string? value, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Refuse(field, "Enter the date '{0}' as yyyy-MM-dd.", field);
            return null;
        }
        return Input.QueryDate(field, value, errors);
    }
}

using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Reports;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reports").WithTags("Reports").RequirePermission(Permission.ReadReports);

        // The query values are read as text so that a bad one is named in a ValidationProblem, not a bare 400.
        group.MapGet("/indicators", async Task<Results<Ok<IndicatorReport>, FieldProblem>> (
                Indicators indicators, TimeProvider clock, CancellationToken ct,
                string? from = null, string? to = null, string? asOf = null, string? groupBy = null) =>
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
                if (errors.Count > 0) return new FieldProblem(errors);

                return TypedResults.Ok(await indicators.ReportAsync(start!.Value, end!.Value, seenOn, grouping, ct));
            })
            .WithName("getIndicatorReport")
            .WithSummary("Indicator report for a period")
            .WithDescription("The indicators of the job centres for the period [from, to] (dates yyyy-MM-dd, both included), " +
                             "as the data stood on asOf (default: today in Stockholm); events dated after asOf are ignored. Dates lie in 1900-01-01 … 2099-12-31. " +
                             "groupBy (reportingGroup, jobCentre, district or gender) adds a breakdown under \"groups\"; a case " +
                             "with no value for the grouping is under \"unassigned\". Rates are fractions, null when nothing " +
                             "was measured. A missing or invalid value answers 400 naming the field.")
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

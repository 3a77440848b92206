using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlacementFollowUpDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_Kind_EndDate",
                table: "Placements");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpOn",
                table: "Placements",
                type: "TEXT",
                nullable: true);

            // End + 3 months, clamped to the month's end (30 November → 28 February) and to the calendar's last day.
            migrationBuilder.Sql("UPDATE \"Placements\" SET \"FollowUpOn\" = CASE WHEN \"EndDate\" >= '9999-10-01' THEN '9999-12-31' " +
                "ELSE min(date(\"EndDate\", '+3 months'), date(\"EndDate\", 'start of month', '+4 months', '-1 day')) END WHERE \"EndDate\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_Kind_FollowUpOn",
                table: "Placements",
                columns: new[] { "Kind", "FollowUpOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_Kind_FollowUpOn",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "FollowUpOn",
                table: "Placements");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_Kind_EndDate",
                table: "Placements",
                columns: new[] { "Kind", "EndDate" });
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "OccupationObservations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "OccupationObservations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "OccupationObservations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Register");

            migrationBuilder.AddColumn<DateOnly>(
                name: "InformedOn",
                table: "BenefitMonths",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "BenefitMonths",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "BenefitMonths",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "BenefitMonths",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Register");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "OccupationObservations");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "OccupationObservations");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "OccupationObservations");

            migrationBuilder.DropColumn(
                name: "InformedOn",
                table: "BenefitMonths");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "BenefitMonths");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "BenefitMonths");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "BenefitMonths");
        }
    }
}

/**
 * Glen Spring Data: conversion between entities and Glen values.
 */
@NullMarked
package io.glen.spring.data.core.convert;

import org.jspecify.annotations.NullMarked;

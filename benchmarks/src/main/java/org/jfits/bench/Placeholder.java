package org.jfits.bench;
final class Placeholder {}
